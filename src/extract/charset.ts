/**
 * Decodes a page's bytes by the charset it declares: the Content-Type header's, else a
 * `<meta charset>` near the top, else UTF-8. A label the platform does not know falls back
 * to UTF-8 with a warning rather than failing the whole page.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null, warnings: string[]): string {
  const declared = charsetOf(contentType) ?? metaCharset(bytes) ?? 'utf-8';
  try {
    return new TextDecoder(declared).decode(bytes);
  } catch {
    warnings.push(`The page declares the character set "${declared}", which is not known here; it was read as UTF-8, so some characters may be wrong.`);
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function charsetOf(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? null;
}
