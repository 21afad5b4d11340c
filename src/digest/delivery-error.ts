/**
 * Thrown by a digest's `deliver` when the digest could not be posted. `reason` is what the
 * status command shows ("the channel no longer exists", "missing permission to send messages").
 * A failure that retrying cannot fix (the channel is gone) may say so with `retryable: false`.
 */
export class DigestDeliveryError extends Error {
  override readonly name = 'DigestDeliveryError';
  readonly retryable: boolean;
  constructor(
    readonly reason: string,
    options: { retryable?: boolean; cause?: unknown } = {},
  ) {
    super(reason, { cause: options.cause });
    this.retryable = options.retryable ?? true;
  }
}

/** The reason to record for a failed delivery, whatever was thrown. */
export function deliveryFailureReason(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'reason' in error && typeof error.reason === 'string' && error.reason !== '') return error.reason;
  if (error instanceof Error && error.message !== '') return error.message;
  return String(error);
}

/** Only a failure that says it is permanent stops the retries early. */
export function isRetryableDeliveryFailure(error: unknown): boolean {
  return !(typeof error === 'object' && error !== null && 'retryable' in error && error.retryable === false);
}
