/**
 * Texts of any length that stress what grows with a text's length: no sentence ends, no spaces,
 * very long lines, many numbers, and ordinary prose. Deterministic, so runs compare.
 */

export type TextKind = 'run-on' | 'no spaces' | 'long lines' | 'many numbers' | 'prose';

export const textKinds: TextKind[] = ['run-on', 'no spaces', 'long lines', 'many numbers', 'prose'];

/** A text of `kind`, `chars` UTF-16 units long; `prose` is cut from the seed documents' bodies. */
export function makeText(kind: TextKind, chars: number, seedBodies: string[]): string {
  switch (kind) {
    case 'run-on':
      // The case from issue 8: words and a year, over and over, never a sentence end.
      return repeatTo('Japan loan Uzbekistan 2024 ', chars);
    case 'no spaces':
      // A blob without a single space: words, years and dates joined by punctuation, with an address sign now and then.
      return repeatTo('Japan-loan-Uzbekistan-2024,19.05.2025;Tashkent/Astana:', chars);
    case 'long lines':
      // Prose with every line break removed: one line of sentences.
      return repeatTo(`${prose(seedBodies).replace(/\s+/g, ' ')} `, chars);
    case 'many numbers':
      return numbers(chars);
    case 'prose':
      return repeatTo(`${prose(seedBodies)}\n\n`, chars);
  }
}

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/**
 * The seed documents without their headings and reference lists: the passages after a reference
 * heading are references, which date extraction skips, so repeating them would measure nothing.
 */
function prose(seedBodies: string[]): string {
  return seedBodies
    .map((body) => body.split(/\n\s*(?:#+\s*)?\**(?:list of references|references|bibliography|works cited|literature|sources|список литературы|литература)\**\s*:?\s*\n/iu)[0] ?? '')
    .map((body) => body.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n'))
    .join('\n\n');
}

/** Years, dotted dates, amounts, decimals and year ranges, separated by spaces and never ending a sentence. */
function numbers(chars: number): string {
  let state = 12345;
  const next = (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * below);
  };
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const pick = next(100);
    let part: string;
    if (pick < 30) part = String(1950 + next(80));
    else if (pick < 50) part = `${1 + next(28)}.${String(1 + next(12)).padStart(2, '0')}.${1990 + next(40)}`;
    else if (pick < 70) part = `${next(999)},${String(next(999)).padStart(3, '0')}`;
    else if (pick < 85) part = `${next(100)}.${next(10)}`;
    else part = `${1990 + next(30)}-${2020 + next(10)}`;
    parts.push(part);
    length += part.length + 1;
  }
  return parts.join(' ').slice(0, chars);
}
