import { UserError } from '../errors.js';
import type { ExtractContext } from './types.js';

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export function timeUp(context: ExtractContext): UserError {
  return new UserError(`${context.label} took longer than ${Math.round(context.limits.timeoutMs / 1000)} s to read and was stopped; try a shorter document or split it.`);
}
