import { UserError } from '../errors.js';

/** A request the bridge refuses: the HTTP status, and a message the page shows as it is. */
export class SandboxRefusal extends UserError {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 421 | 422 | 503,
    message: string,
  ) {
    super(message);
  }
}
