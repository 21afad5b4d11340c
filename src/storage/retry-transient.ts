/**
 * Runs a database write again when it fails, a few times with a short pause: a connection
 * the server dropped is replaced on the next try. The last error is thrown when every try fails.
 */
export async function retryTransient<T>(write: () => Promise<T>, options: { tries?: number; pauseMs?: number } = {}): Promise<T> {
  const tries = options.tries ?? 3;
  const pauseMs = options.pauseMs ?? 250;
  let lastError: unknown;
  for (let attempt = 1; attempt <= tries; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      lastError = error;
      if (attempt < tries) await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
    }
  }
  throw lastError;
}
