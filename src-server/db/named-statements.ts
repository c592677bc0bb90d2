// The request path's hottest SQL sent to PostgreSQL as named statements, parsed and planned once per connection instead of on every call.
import pg from 'pg';

/**
 * Why: kysely hands node-postgres every query as text, which goes out as an unnamed statement, so
 * PostgreSQL parses, analyses and plans it again on each call. For the wide selects of the request
 * path that is more than running them: in the seat race (bench/seats.bench.ts, pg_stat_statements
 * with track_planning) planning cost 0.2 ms per registration-state reading against 0.19 ms to run it,
 * and 0.12 ms per session lookup against 0.02 ms. A named statement is parsed once per connection, and
 * after five runs PostgreSQL keeps a generic plan when it is no worse than the custom ones.
 *
 * Only SQL registered here is named (db/prepared.ts registers what it compiles): a name per text
 * that does not depend on the call's arguments, so the set is small and fixed; everything else stays
 * unnamed. Names are per process, and each connection keeps its own parsed copies.
 *
 * A named statement's result type is fixed when it is parsed. If a migration run by another process
 * adds a column to a table a statement selects with `*`, PostgreSQL refuses the next run with
 * 'cached plan must not change result type'; that one call fails, and the connection parses the text
 * again under a new name from then on.
 */
const names = new Map<string, string>();

export function nameStatement(text: string): void {
  if (!names.has(text)) names.set(text, `cet_${names.size + 1}`);
}

const FEATURE_NOT_SUPPORTED = '0A000';

/** A pg client that sends registered texts as named statements; use it as a pool's `Client`. */
export class NamingClient extends pg.Client {
  /** Texts whose named statement this connection had to give up (result type changed), with the suffix of their new name. */
  readonly renamed = new Map<string, number>();
}

const plainQuery = pg.Client.prototype.query;

// pg's query() has a dozen overloads; kysely calls the (text, values) one, the only one changed here.
function namingQuery(this: NamingClient, ...args: unknown[]): unknown {
  const [text, values, callback] = args;
  const name = typeof text === 'string' && typeof callback !== 'function' ? names.get(text) : undefined;
  if (name === undefined || typeof text !== 'string') return Reflect.apply(plainQuery, this, args);
  const suffix = this.renamed.get(text);
  const named = suffix === undefined ? name : `${name}_${suffix}`;
  const config: pg.QueryConfig = { name: named, text, values: values as unknown[] | undefined };
  const result = Reflect.apply(plainQuery, this, [config]) as Promise<pg.QueryResult>;
  return result.catch((error: unknown) => {
    if ((error as { code?: unknown }).code === FEATURE_NOT_SUPPORTED) this.renamed.set(text, (suffix ?? 0) + 1);
    throw error;
  });
}

NamingClient.prototype.query = namingQuery as pg.Client['query'];
