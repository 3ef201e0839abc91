import { CamelCasePlugin, type Compilable, type CompiledQuery } from 'kysely';
import { committedReaderOf, type Db } from './db.js';

/**
 * A read built and compiled once and then run with new values. Building a Kysely query, passing it through the
 * camel-case plugin and compiling it took a third of the public query's time, on every request, for SQL that never
 * changes. Values stand in as marker strings while it compiles; each run puts the arguments in their places.
 *
 * On SQLite it runs on the read-only connection (committed data, as any read outside a transaction sees), with the
 * columns renamed by the camel-case plugin that every Kysely query of the store goes through.
 */
export function precompiled<Args extends readonly unknown[], Row>(db: Db, build: (...args: Args) => Compilable<Row>, arity: Args['length']): (...args: Args) => Promise<Row[]> {
  let prepared: { compiled: CompiledQuery<Row>; places: number[] } | undefined;
  // Compiled at the first run, so that a store made for one request and never asked this costs nothing.
  const prepare = () => {
    const markers = Array.from({ length: arity }, (_, i) => `\u0000argument ${String(i)}\u0000`);
    const compiled = build(...(markers as unknown as Args)).compile();
    const places = compiled.parameters.map((value) => (typeof value === 'string' ? markers.indexOf(value) : -1));
    if (markers.some((_, i) => !places.includes(i))) throw new Error(`precompiled query does not use all of its ${String(arity)} arguments: ${compiled.sql}`);
    return { compiled, places };
  };
  const reader = committedReaderOf(db);
  // The members of a row, renamed once: every row of the query then gets the same members in the same order, where
  // the plugin's own mapping renamed each column of each row again.
  let members: { columns: readonly string[]; names: string[] } | undefined;
  return async (...args) => {
    const { compiled, places } = (prepared ??= prepare());
    const parameters = compiled.parameters.map((value, i) => {
      const place = places[i] ?? -1;
      return place < 0 ? value : args[place];
    });
    if (!reader) return (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
    const { columns, values } = reader.raw(compiled.sql, parameters);
    if (members?.columns !== columns) members = { columns, names: columns.map((column) => columnNames.nameOf(column)) };
    const { names } = members;
    return values.map((value) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) row[names[i] as string] = value[i];
      return row as Row;
    });
  };
}

/** The store's camel-case plugin, for the column names of rows read beside Kysely. */
class ColumnNames extends CamelCasePlugin {
  nameOf(column: string): string {
    return this.camelCase(column);
  }
}

const columnNames = new ColumnNames();
