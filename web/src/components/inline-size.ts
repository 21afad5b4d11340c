/** Discord shows an image attachment inline, scaled down to fit this box, keeping its shape. */
export const inlineImageBox = { width: 550, height: 350 } as const;

/** The size an image is shown at: its own, or scaled down into the inline box. */
export function inlineSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, inlineImageBox.width / width, inlineImageBox.height / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
