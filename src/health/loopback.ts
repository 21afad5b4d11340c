const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** An address only this machine reaches: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
