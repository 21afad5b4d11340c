/**
 * A command that meets file permissions as an ordinary user does. Root passes every permission
 * check through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, so as root the command runs through
 * util-linux's setpriv without them. It stays uid 0 rather than becoming another user, so it still
 * reaches the project wherever it is cloned (a private temporary folder included), yet a mode-000
 * file or a read-only folder refuses it. Not root: the command as it is.
 */
export function withoutPermissionOverride(command: string, args: readonly string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, [...args]];
  return ['setpriv', ['--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-all', '--', command, ...args]];
}
