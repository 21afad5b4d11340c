/**
 * An error caused by what the user asked for or supplied: a bad option, an unknown
 * source, an invalid schedule. Its message is written for the user and is shown as it
 * is, so it must say what to do. Anything that is not a UserError is a bug or an outage
 * and is logged, never shown.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
