/** Milliseconds since the Unix epoch at the start of 2015, Discord's own epoch for snowflakes. */
const discordEpoch = 1_420_070_400_000n;

/** Makes Discord-style snowflakes: time-ordered 64-bit ids written as decimal strings. */
export type SnowflakeGenerator = () => string;

/**
 * Ids carry their creation time the way Discord's do, so discord.js's `createdTimestamp`
 * on a message or an interaction reads the server's clock. The low 12 bits count ids made
 * within one millisecond, which keeps ids unique and increasing under load.
 */
export function createSnowflakeGenerator(now: () => number): SnowflakeGenerator {
  let lastMillisecond = -1n;
  let increment = 0n;
  return () => {
    let millisecond = BigInt(Math.floor(now()));
    if (millisecond <= lastMillisecond) {
      increment += 1n;
      if (increment > 0xfffn) {
        lastMillisecond += 1n;
        increment = 0n;
      }
      millisecond = lastMillisecond;
    } else {
      lastMillisecond = millisecond;
      increment = 0n;
    }
    return (((millisecond - discordEpoch) << 22n) | increment).toString();
  };
}

/** The time, in milliseconds since the Unix epoch, at which a snowflake was made. */
export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + discordEpoch);
}
