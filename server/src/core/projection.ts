/**
 * What a projection hands out of a record: exactly the fields named for the seat. A field not named,
 * or without a value, is absent (not null), so a hidden field cannot be told from a missing one.
 */
export function pickFields<T extends object, K extends keyof T>(
  record: T,
  fields: readonly K[],
): Pick<T, K> {
  return Object.fromEntries(
    fields.filter((f) => record[f] !== undefined).map((f) => [f, record[f]]),
  ) as Pick<T, K>;
}
