/**
 * Thrown by the driver when a test asks for something Discord's own client would not let
 * a user do (an unregistered command, a missing required option, a button that is not
 * there), so the mistake is reported where it was made.
 */
export class DriverError extends Error {
  override readonly name = 'DriverError';
}
