import { UserError } from '../errors.js';

let cachedZones: string[] | null = null;

/** Every IANA time zone this runtime knows, for autocomplete; UTC included. */
export function listTimeZones(): string[] {
  if (!cachedZones) {
    const zones = new Set(Intl.supportedValuesOf('timeZone'));
    zones.add('UTC');
    cachedZones = [...zones].sort();
  }
  return cachedZones;
}

/** Edit distance, for suggesting "Europe/Berlin" to someone who typed "Europe/Berln". */
function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/** Up to `limit` known zones close to what was typed: same city, a contained name, or a near spelling. */
export function suggestTimeZones(name: string, limit = 3): string[] {
  const wanted = name.trim().toLowerCase().replace(/\s+/g, '_');
  if (wanted === '') return [];
  const wantedCity = wanted.split('/').at(-1) ?? wanted;
  const scored = listTimeZones().map((zone) => {
    const lower = zone.toLowerCase();
    const city = lower.split('/').at(-1) ?? lower;
    const distance = Math.min(editDistance(wanted, lower), editDistance(wantedCity, city));
    const contains = lower.includes(wanted) || (wantedCity.length >= 3 && city.startsWith(wantedCity));
    return { zone, score: contains ? 0 : distance };
  });
  const tolerance = Math.max(1, Math.floor(wantedCity.length / 3));
  return scored
    .filter((entry) => entry.score <= tolerance)
    .sort((left, right) => left.score - right.score || left.zone.localeCompare(right.zone))
    .slice(0, limit)
    .map((entry) => entry.zone);
}

/**
 * Checks an IANA time zone name with the runtime's Intl and returns its canonical spelling
 * ("europe/berlin" gives "Europe/Berlin"). Offsets such as "+01:00" are refused: a fixed
 * offset ignores daylight-saving time, which is what a schedule in a place must follow.
 */
export function validateTimeZone(name: string): string {
  const trimmed = name.trim();
  const example = 'Use an IANA name such as "Europe/Berlin", "America/New_York" or "UTC".';
  if (trimmed === '') throw new UserError(`The time zone is empty. ${example}`);
  if (/^[A-Za-z]/.test(trimmed)) {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
    } catch {
      // An unknown name: fall through to the message with suggestions.
    }
  }
  const suggestions = suggestTimeZones(trimmed);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((zone) => `"${zone}"`).join(' or ')}?` : '';
  throw new UserError(`"${trimmed}" is not a time zone this bot knows.${hint} ${example}`);
}
