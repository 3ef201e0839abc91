/**
 * One writer at a time among the threads that share an SQLite file, as a mutex in shared memory. SQLite would make
 * a second writer sleep and retry in steps of milliseconds; waiting on the lock wakes it the moment the first is done.
 */
export interface WriteLock {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Pass to another thread's `createWriteLock` to share the lock. */
  readonly buffer: SharedArrayBuffer;
}

const FREE = 0;
const HELD = 1;

export function createWriteLock(buffer: SharedArrayBuffer = new SharedArrayBuffer(4)): WriteLock {
  const state = new Int32Array(buffer);
  async function acquire(): Promise<void> {
    while (Atomics.compareExchange(state, 0, FREE, HELD) !== FREE) {
      const waiting = Atomics.waitAsync(state, 0, HELD);
      if (waiting.async) await waiting.value;
    }
  }
  function release(): void {
    Atomics.store(state, 0, FREE);
    Atomics.notify(state, 0, 1);
  }
  return {
    buffer,
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}

/** For databases that handle concurrent writers themselves (PostgreSQL). */
export const noWriteLock: WriteLock = { buffer: new SharedArrayBuffer(4), run: (work) => work() };
