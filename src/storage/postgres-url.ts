/** A `postgres://` or `postgresql://` URL selects Postgres; anything else is a SQLite file (or `:memory:`). */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}
