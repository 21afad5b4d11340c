import { UserError } from '../errors.js';
import type { ExtractContext } from './types.js';

/** A size for people: "20 MB", "1.5 MB", "2 KB". */
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export function timeUp(context: ExtractContext): UserError {
  return new UserError(`${context.label} took longer than ${seconds(context.limits.timeoutMs)} to read and was stopped; try a shorter document or split it.`);
}

/** A duration for people: "15 s", "0.3 s". */
export function seconds(milliseconds: number): string {
  return `${milliseconds >= 1000 ? Math.round(milliseconds / 1000) : Number((milliseconds / 1000).toPrecision(1))} s`;
}
