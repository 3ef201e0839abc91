/** A JSON object as parsed from an EPCIS document. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Whether a JSON value is a list. */
export function isJsonArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/** The items of a JSON list; a lone value counts as a list of one. */
export function itemsOf(value: unknown): readonly unknown[] {
  return isJsonArray(value) ? value : [value];
}
