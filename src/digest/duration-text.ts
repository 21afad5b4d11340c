/**
 * A duration in words for messages people read: minutes under an hour ("0 minutes",
 * "45 minutes"), hours from there, to a tenth ("1 hour", "2.5 hours"). Anything above zero
 * but under a minute is "under a minute", never "0 hours".
 */
export function durationText(milliseconds: number): string {
  if (milliseconds > 0 && milliseconds < 60_000) return 'under a minute';
  const minutes = Math.round(milliseconds / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round((milliseconds / 3_600_000) * 10) / 10;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
