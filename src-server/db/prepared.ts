// The request path's hottest queries, built and compiled by kysely once per process and then run with each call's parameters.
import { CompiledQuery, type Compilable, type QueryResult, type RawBuilder } from 'kysely';
import type { Executor } from './database.js';
import { nameStatement } from './named-statements.js';

/**
 * Why: kysely builds a query as a tree of frozen nodes and compiles it to SQL on every call, and for a
 * wide select with subqueries that costs the server more CPU than PostgreSQL spends running it. The
 * seat race's CPU profile put a third of each claim's server time there, in the session lookup and
 * the registration state (bench/seats.bench.ts, BENCHMARKS.md). A query whose SQL text does not
 * depend on its arguments is built once, with a marker in place of each argument, and compiled; a
 * call then sends that SQL with the markers swapped for its arguments.
 *
 * So the builder must only place its arguments as values: never branch on them, compute with them,
 * or spread them into an IN list whose length varies (use `= ANY(${array})`). Variants of one query
 * (a lock, a different subquery) are separate shapes, named by `shape`.
 */
const MARKER = '\u0000argument ';

export function preparedQuery<Args extends readonly unknown[], Row, Shape extends string = 'only'>(
  build: (db: Executor, shape: Shape, ...args: Args) => Compilable<Row>,
): (db: Executor, shape: Shape, ...args: Args) => Promise<Row[]> {
  const compiled = new Map<Shape, { readonly query: CompiledQuery<Row>; readonly slots: readonly (number | null)[] }>();
  return async (db, shape, ...args) => {
    let prepared = compiled.get(shape);
    if (prepared === undefined) {
      const markers = args.map((_, index) => `${MARKER}${index}\u0000`);
      const query = build(db, shape, ...(markers as unknown as Args)).compile();
      const slots = query.parameters.map((parameter) => {
        if (typeof parameter !== 'string' || !parameter.includes(MARKER)) return null;
        const index = markers.indexOf(parameter);
        // A marker inside a longer value means the builder computed with an argument.
        if (index < 0) throw new Error(`preparedQuery: an argument was changed on its way into the SQL (${JSON.stringify(parameter)})`);
        return index;
      });
      // On PostgreSQL the text also goes out as a named statement, parsed and planned once per connection.
      nameStatement(query.sql);
      prepared = { query, slots };
      compiled.set(shape, prepared);
    }
    const { query, slots } = prepared;
    const parameters = query.parameters.map((constant, index) => {
      const slot = slots[index];
      return slot === null || slot === undefined ? constant : args[slot];
    });
    const result = await db.executeQuery<Row>(CompiledQuery.raw(query.sql, parameters));
    return result.rows;
  };
}

/**
 * A hand-written statement (kysely's `sql` template) whose text depends only on which of its variants
 * it is, never on its values, run as a named statement (named-statements.ts) so PostgreSQL plans it
 * once per connection. Not for a statement that spreads a list of varying length into its text.
 */
export async function executeNamed<Row>(db: Executor, statement: RawBuilder<Row>): Promise<QueryResult<Row>> {
  const compiled = statement.compile(db);
  nameStatement(compiled.sql);
  return db.executeQuery(compiled);
}
