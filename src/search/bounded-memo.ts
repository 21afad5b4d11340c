/**
 * Remembers what a lookup gave for each key, so that the words asked about question after
 * question are looked up once. Past `limit` keys it forgets them all at once: a bot that runs
 * for months must not grow without bound, and a dictionary or WordNet lookup is cheap to redo.
 */
export function boundedMemo<V>(limit = 50_000): (key: string, look: () => V) => V {
  const remembered = new Map<string, V>();
  return (key, look) => {
    if (remembered.has(key)) return remembered.get(key) as V;
    const value = look();
    if (remembered.size >= limit) remembered.clear();
    remembered.set(key, value);
    return value;
  };
}
