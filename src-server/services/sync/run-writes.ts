// Append-only rows a replay run writes at its end, one INSERT per table, instead of one statement per row while its operations run (K3 replay speed, bench/replay.bench.ts).
//
// What goes here is only ever appended and not read back by the run's own later operations: the
// stored outcomes (sync_operations), review events, audit entries and outcome messages. push.ts
// writes them before any operation that could read them or write rows that must order after them
// (see needsWrittenRows there), and at the run's end, inside the run's transaction: they commit with
// the effects they record, or not at all, exactly as rows written one by one would.
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** In the order they are written. */
const TABLES = ['sync_operations', 'review_events', 'audit_log', 'outbound_messages'] as const;
export type AppendedTable = (typeof TABLES)[number];

/** Rows per INSERT, far below PostgreSQL's 65,535 parameters for the widest of these tables. */
const CHUNK = 1000;

export class AppendedRows {
  readonly #rows = new Map<AppendedTable, unknown[]>();

  add<T extends AppendedTable>(table: T, row: Insertable<Database[T]>): void {
    const rows = this.#rows.get(table);
    if (rows === undefined) this.#rows.set(table, [row]);
    else rows.push(row);
  }

  /** Takes over another collection's rows (a finished operation's, into its run's), leaving it empty. */
  take(other: AppendedRows): void {
    for (const [table, rows] of other.#rows) for (const row of rows) this.add(table, row as Insertable<Database[typeof table]>);
    other.#rows.clear();
  }

  /** The ids of the outbound messages collected, for the kick that sends them after the commit. */
  messageIds(): string[] {
    return ((this.#rows.get('outbound_messages') ?? []) as Insertable<Database['outbound_messages']>[]).map((row) => row.id);
  }

  get size(): number {
    let size = 0;
    for (const rows of this.#rows.values()) size += rows.length;
    return size;
  }

  /** Writes every collected row through `db` (the run's transaction) and forgets them. */
  async write(db: Executor): Promise<void> {
    for (const table of TABLES) {
      const rows = this.#rows.get(table) as Insertable<Database[typeof table]>[] | undefined;
      if (rows === undefined) continue;
      for (let at = 0; at < rows.length; at += CHUNK) await db.insertInto(table).values(rows.slice(at, at + CHUNK)).execute();
    }
    this.#rows.clear();
  }
}
