import { createHash } from 'node:crypto';

/** A fixed window: at most `limit` requests per `windowMs` in one bucket. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** Rate limits the server announces in headers and enforces with 429s. */
export interface RateLimitOptions {
  /** When false, no rate-limit headers are sent and nothing is limited (injected 429s still work). */
  enabled: boolean;
  /** `POST /channels/:id/messages`, per channel. Discord allows 5 per 5 seconds. */
  channelMessages: RateLimitRule;
  /** Every other route, per route and major parameter. */
  other: RateLimitRule;
}

export const defaultRateLimits: RateLimitOptions = {
  enabled: true,
  channelMessages: { limit: 5, windowMs: 5_000 },
  other: { limit: 50, windowMs: 1_000 },
};

/** What the limiter decided for one request: the headers to send, and a delay if it is over the limit. */
export interface RateLimitDecision {
  headers: Record<string, string>;
  retryAfterMs: number | null;
}

interface Bucket {
  hash: string;
  rule: RateLimitRule;
  used: number;
  resetAt: number;
}

/** The route parameters Discord buckets by: one bucket per route and value of these. */
const majorParameters = ['channelId', 'guildId', 'interactionId', 'token'] as const;

/**
 * Buckets requests the way Discord does (route plus major parameter) and answers with
 * real `X-RateLimit-*` headers, so discord.js's queue paces itself exactly as it would
 * against Discord, and with a 429 when a client ignores them.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  take(method: string, route: string, params: Record<string, string>): RateLimitDecision {
    if (!this.options.enabled) return { headers: {}, retryAfterMs: null };
    const major = majorParameters.map((name) => params[name]).find((value) => value !== undefined) ?? '';
    const key = `${method} ${route} ${major}`;
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.resetAt <= now) {
      const rule = method === 'POST' && route === '/channels/:channelId/messages' ? this.options.channelMessages : this.options.other;
      bucket = { hash: bucketHash(`${method} ${route}`), rule, used: 0, resetAt: now + rule.windowMs };
      this.buckets.set(key, bucket);
    }
    const retryAfterMs = bucket.used >= bucket.rule.limit ? bucket.resetAt - now : null;
    if (retryAfterMs === null) bucket.used += 1;
    return { headers: rateLimitHeaders(bucket, now), retryAfterMs };
  }
}

function rateLimitHeaders(bucket: Bucket, now: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(bucket.rule.limit),
    'X-RateLimit-Remaining': String(Math.max(0, bucket.rule.limit - bucket.used)),
    'X-RateLimit-Reset': (bucket.resetAt / 1000).toFixed(3),
    'X-RateLimit-Reset-After': (Math.max(0, bucket.resetAt - now) / 1000).toFixed(3),
    'X-RateLimit-Bucket': bucket.hash,
  };
}

/** Discord's bucket ids are opaque; a digest of the route gives stable ones. */
function bucketHash(route: string): string {
  return createHash('sha1').update(route).digest('hex').slice(0, 32);
}

/** The body and headers of a 429, as Discord sends them. Seconds keep their fraction so tests stay fast. */
export function tooManyRequests(retryAfterMs: number, global: boolean): { body: Record<string, unknown>; headers: Record<string, string> } {
  const seconds = Math.max(0, retryAfterMs) / 1000;
  const headers: Record<string, string> = { 'Retry-After': seconds.toFixed(3), 'X-RateLimit-Scope': global ? 'global' : 'user' };
  if (global) headers['X-RateLimit-Global'] = 'true';
  return { body: { message: 'You are being rate limited.', retry_after: seconds, global }, headers };
}
