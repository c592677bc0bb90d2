// Smart batching for a saturated pool: the calls that arrive while earlier groups are in the database go together as one statement.
/**
 * Why: on a PostgreSQL pool of a few connections (database.ts DEFAULT_POOL_SIZE) a rush keeps every
 * connection busy, and the requests behind them wait for one anyway. Each statement costs a round
 * trip, a socket write on each side and a wake-up of a PostgreSQL backend, more than the work of a
 * small indexed read (bench/seats.bench.ts, BENCHMARKS.md Seats). The calls that would have waited
 * side by side go as one statement instead.
 *
 * Without timers: while fewer than `maxInFlight` groups are in the database a call is sent at once,
 * so a lone call waits for nobody and the idle path costs what it did; otherwise it waits, and when
 * a group returns the next one takes everything that waited (up to `maxBatch`). Under load the
 * groups grow by themselves with the database's own latency; at rest every call is a group of one.
 *
 * Consistency: a call never joins a group already sent, so its statement starts after the call was
 * made. A grouped read sees everything committed before its request arrived, as its own statement
 * would have; a grouped write commits before its caller hears of it.
 *
 * A group that fails (a deadlock, one item's unique violation, a dropped connection) is sent again
 * item by item: one bad item costs only itself, and its own error reaches its own caller.
 */
export interface GroupLimits {
  /** Groups of this batcher in the database at once; what is left of the pool serves everything else. */
  readonly maxInFlight: number;
  /** The most items in one statement. */
  readonly maxBatch: number;
}

/** Sends one group and answers one result per item, in the items' order. */
export type SendGroup<Item, Answer> = (items: readonly Item[]) => Promise<readonly Answer[]>;

interface Waiting<Item, Answer> {
  readonly item: Item;
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: unknown) => void;
}

export class GroupBatcher<Item, Answer> {
  private readonly waiting: Waiting<Item, Answer>[] = [];
  private inFlight = 0;
  /** Groups and items sent so far (retries alone included), for tests that show the calls were grouped. */
  readonly sent = { groups: 0, items: 0 };

  constructor(
    private readonly send: SendGroup<Item, Answer>,
    private readonly limits: GroupLimits,
    /** Names the statement in the error when it answers the wrong number of results. */
    private readonly what = 'a group',
  ) {}

  submit(item: Item): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.inFlight < this.limits.maxInFlight && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.limits.maxBatch);
      this.inFlight += 1;
      void this.run(group).finally(() => {
        this.inFlight -= 1;
        this.next();
      });
    }
  }

  private async run(group: readonly Waiting<Item, Answer>[]): Promise<void> {
    try {
      const answers = await this.sendCounted(group.map(({ item }) => item));
      group.forEach(({ resolve }, at) => resolve(answers[at] as Answer));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      // Alone, side by side: the pool queues them; the group's slot stays taken until all have answered.
      await Promise.all(
        group.map(async ({ item, resolve, reject }) => {
          try {
            resolve((await this.sendCounted([item]))[0] as Answer);
          } catch (alone) {
            reject(alone);
          }
        }),
      );
    }
  }

  private async sendCounted(items: readonly Item[]): Promise<readonly Answer[]> {
    this.sent.groups += 1;
    this.sent.items += items.length;
    const answers = await this.send(items);
    if (answers.length !== items.length) throw new Error(`${this.what} answered ${answers.length} results for ${items.length} items`);
    return answers;
  }
}

/**
 * A batcher per database and key: one per pool, so every request of the process joins the same
 * groups. A key separates calls that cannot share a statement (another statement shape, another
 * parameter the whole group shares); `name` spells it as the map's key.
 */
export function batcherPer<Db extends object, Key, Batcher>(make: (db: Db, key: Key) => Batcher, name: (key: Key) => string): (db: Db, key: Key) => Batcher {
  const batchers = new WeakMap<Db, Map<string, Batcher>>();
  return (db, key) => {
    let byKey = batchers.get(db);
    if (byKey === undefined) {
      byKey = new Map();
      batchers.set(db, byKey);
    }
    let batcher = byKey.get(name(key));
    if (batcher === undefined) {
      batcher = make(db, key);
      byKey.set(name(key), batcher);
    }
    return batcher;
  };
}
