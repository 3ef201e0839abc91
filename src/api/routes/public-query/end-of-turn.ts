let turn: Promise<void> | undefined;

/**
 * Resolves once this turn of the event loop has read all its requests: the answers that await it are written one
 * after another, as one burst, instead of each as soon as it is ready.
 *
 * An answer written to a client that sleeps waiting for it wakes that client's process, and when it sleeps on
 * another core the kernel makes the wake-up on that core inside our write: over loopback (a load generator, or a
 * reverse proxy on the same host) a sixth of a serving process's CPU went to waking its reader once per answer. In a
 * burst only the first answer wakes it; the rest find it awake. One process answering the public query flat out went
 * from 84 to 60 µs of CPU per query, and from 12,400 to 17,800 queries a second (docs/benchmarks.md); an answer waits
 * for the turn's other queries, tens of microseconds each.
 */
export function endOfTurn(): Promise<void> {
  turn ??= new Promise((resolve) => {
    setImmediate(() => {
      turn = undefined;
      resolve();
    });
  });
  return turn;
}
