import { invalidFormBody, type FieldError, type FormErrorTree } from './errors.js';

type PathSegment = string | number;

/**
 * Collects field problems into Discord's nested 50035 error tree while a validator
 * walks a payload, so that one answer lists every problem, as Discord's does.
 */
export class FormErrors {
  private readonly tree: FormErrorTree = {};
  private count = 0;

  add(path: readonly PathSegment[], code: string, message: string): void {
    let node: FormErrorTree = this.tree;
    for (const segment of path) {
      const key = String(segment);
      const next = node[key];
      if (next === undefined || Array.isArray(next)) {
        const created: FormErrorTree = {};
        node[key] = created;
        node = created;
      } else {
        node = next;
      }
    }
    const existing = node._errors;
    const errors: FieldError[] = Array.isArray(existing) ? existing : [];
    errors.push({ code, message });
    node._errors = errors;
    this.count += 1;
  }

  maxLength(path: readonly PathSegment[], value: unknown, limit: number): void {
    if (typeof value === 'string' && [...value].length > limit) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${limit} or fewer in length.`);
    }
  }

  lengthBetween(path: readonly PathSegment[], value: unknown, min: number, max: number): void {
    if (typeof value !== 'string' && !Array.isArray(value)) {
      if (min > 0) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    const length = typeof value === 'string' ? [...value].length : value.length;
    if (length < min || length > max) this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** Throws the 400 Invalid Form Body answer when anything was collected. */
  throwIfAny(): void {
    if (this.count > 0) throw invalidFormBody(this.tree);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Characters as Discord counts them for limits: by code point, so one emoji is not two. */
export function characterCount(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}
