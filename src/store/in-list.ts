// Keeps every IN list well below both databases' bound-parameter limits (SQLite 32,766, PostgreSQL 65,535).
const IN_LIST = 2000;

/** Runs a query once per slice of `values` short enough for an IN list, and joins the answers. */
export async function inChunks<V, T>(values: readonly V[], run: (chunk: V[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += IN_LIST) out.push(...(await run(values.slice(i, i + IN_LIST))));
  return out;
}
