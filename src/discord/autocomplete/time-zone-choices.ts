import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { listTimeZones, suggestTimeZones } from '../../digest/time-zones.js';
import { discordLimits } from '../render/limits.js';

/** Zones offered before anything is typed: one per continent people are likely to be in. */
const popularZones = ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Moscow', 'Asia/Tashkent', 'Asia/Almaty', 'Asia/Tokyo', 'Asia/Kolkata', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney'];

/**
 * IANA time zones matching what was typed, at most 25: names that start with it first,
 * then cities that start with it ("tok" → Asia/Tokyo), then names that contain it, then
 * near spellings. Spaces count as underscores ("new york").
 */
export function timeZoneChoices(typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const zones = listTimeZones();
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const picked = wanted === '' ? popularZones.filter((zone) => zones.includes(zone)) : rank(zones, wanted);
  return picked.slice(0, discordLimits.autocompleteChoices).map((zone) => ({ name: zone, value: zone }));
}

function rank(zones: readonly string[], wanted: string): string[] {
  const starts: string[] = [];
  const cities: string[] = [];
  const contains: string[] = [];
  for (const zone of zones) {
    const lower = zone.toLowerCase();
    if (lower.startsWith(wanted)) starts.push(zone);
    else if ((lower.split('/').at(-1) ?? '').startsWith(wanted)) cities.push(zone);
    else if (lower.includes(wanted)) contains.push(zone);
  }
  const found = [...starts, ...cities, ...contains];
  if (found.length >= discordLimits.autocompleteChoices) return found;
  return [...new Set([...found, ...suggestTimeZones(wanted, discordLimits.autocompleteChoices)])];
}
