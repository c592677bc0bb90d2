// Smart batching (src-server/db/grouped.ts): a lone call goes at once, calls made while groups are out wait and go together, never into a group already sent; a failed group is retried item by item so each caller gets its own answer or error.
import { describe, expect, it } from 'vitest';
import { batcherPer, GroupBatcher, type GroupLimits } from '../../src-server/db/grouped.js';

/**
 * A send whose groups the test answers by hand: each group is recorded and stays out until the test
 * settles it, so what is in flight, and what waits, is decided by the test and not by timing.
 */
function heldSend() {
  const groups: { items: readonly string[]; answer: (answers: readonly string[]) => void; fail: (error: Error) => void }[] = [];
  const send = (items: readonly string[]) =>
    new Promise<readonly string[]>((answer, fail) => {
      groups.push({ items: [...items], answer, fail });
    });
  /** Answers group `at` with each item upper-cased, the way a statement answers by key. */
  const echo = (at: number) => groups[at]!.answer(groups[at]!.items.map((item) => item.toUpperCase()));
  return { groups, send, echo };
}

const settled = <T>(promises: readonly Promise<T>[]) => Promise.allSettled(promises);
/** Lets the batcher's then-callbacks run: a returned group frees its slot in a later microtask. */
const drain = () => new Promise<void>((resolve) => setImmediate(resolve));

const limits = (maxInFlight: number, maxBatch = 100): GroupLimits => ({ maxInFlight, maxBatch });

describe('smart batching of database calls', () => {
  it('sends a lone call at once as a group of one', async () => {
    const { groups, send, echo } = heldSend();
    const batcher = new GroupBatcher(send, limits(1));
    const answer = batcher.submit('a');
    expect(groups.map((group) => group.items)).toEqual([['a']]);
    echo(0);
    expect(await answer).toBe('A');
    expect(batcher.sent).toEqual({ groups: 1, items: 1 });
  });

  it('keeps the calls made while maxInFlight groups are out, and sends them together when one returns, never into the group already sent', async () => {
    const { groups, send, echo } = heldSend();
    const batcher = new GroupBatcher(send, limits(2));
    const answers = ['a', 'b', 'c', 'd', 'e'].map((item) => batcher.submit(item));
    // Two went alone at once (two slots); the rest wait for a slot.
    expect(groups.map((group) => group.items)).toEqual([['a'], ['b']]);
    echo(1);
    await drain();
    expect(groups.map((group) => group.items)).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
    // A call made now waits for the next group: the one out was sent before it was made.
    const late = batcher.submit('f');
    echo(2);
    await drain();
    expect(groups.map((group) => group.items)).toEqual([['a'], ['b'], ['c', 'd', 'e'], ['f']]);
    echo(0);
    echo(3);
    expect(await Promise.all([...answers, late])).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(batcher.sent).toEqual({ groups: 4, items: 6 });
  });

  it('takes at most maxBatch calls into one group', async () => {
    const { groups, send, echo } = heldSend();
    const batcher = new GroupBatcher(send, limits(1, 2));
    const answers = ['a', 'b', 'c', 'd', 'e'].map((item) => batcher.submit(item));
    for (let at = 0; at < 3; at += 1) {
      echo(at);
      await drain();
    }
    expect(groups.map((group) => group.items)).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
    expect(await Promise.all(answers)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('retries a failed group item by item: the bad item rejects with its own error, the others are answered', async () => {
    const { groups, send, echo } = heldSend();
    const batcher = new GroupBatcher(send, limits(1));
    const first = batcher.submit('a');
    const outcomes = settled(['b', 'bad', 'c'].map((item) => batcher.submit(item)));
    echo(0);
    await drain();
    groups[1]!.fail(new Error('the group failed'));
    await drain();
    expect(groups.map((group) => group.items)).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
    echo(2);
    groups[3]!.fail(new Error('bad alone'));
    echo(4);
    expect(await first).toBe('A');
    expect(await outcomes).toEqual([
      { status: 'fulfilled', value: 'B' },
      { status: 'rejected', reason: new Error('bad alone') },
      { status: 'fulfilled', value: 'C' },
    ]);
    expect(batcher.sent).toEqual({ groups: 5, items: 7 });
  });

  it('refuses a group that answers another number of results than it has items, naming the statement', async () => {
    const { groups, send } = heldSend();
    const batcher = new GroupBatcher(send, limits(1), 'the probe');
    const answer = batcher.submit('a');
    groups[0]!.answer([]);
    await expect(answer).rejects.toThrow('the probe answered 0 results for 1 items');
  });

  it('keeps one batcher per database and key', () => {
    const made: string[] = [];
    const per = batcherPer(
      (_db: object, key: { shape: string }) => {
        made.push(key.shape);
        return new GroupBatcher(heldSend().send, limits(1));
      },
      (key) => key.shape,
    );
    const one = {};
    const two = {};
    expect(per(one, { shape: 'x' })).toBe(per(one, { shape: 'x' }));
    expect(per(one, { shape: 'y' })).not.toBe(per(one, { shape: 'x' }));
    expect(per(two, { shape: 'x' })).not.toBe(per(one, { shape: 'x' }));
    expect(made).toEqual(['x', 'y', 'x']);
  });
});
