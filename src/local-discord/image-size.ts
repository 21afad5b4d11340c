/**
 * The pixel size of a PNG, read from its IHDR chunk, which the format puts first: Discord
 * sends `width` and `height` with every image attachment, and clients lay images out by them.
 * Other formats get no size here (Discord's own fields are optional too).
 */
export function pngSize(data: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (data.length < 24 || data.subarray(0, 8).toString('hex') !== signature || data.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}
