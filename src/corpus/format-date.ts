import type { PartialDate } from './types.js';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date at its true precision, for people: "5 May 2025", "August 2025", "2025", or "date unknown". */
export function formatPartialDate(date: PartialDate | null): string {
  if (date === null) return 'date unknown';
  const [year, month, day] = date.iso.split('-');
  const monthName = month === undefined ? undefined : monthNames[Number(month) - 1];
  if (date.precision === 'year' || monthName === undefined) return year ?? date.iso;
  if (date.precision === 'month' || day === undefined) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}
