import type { Alert, AlertStore } from '../../store/alert-store.js';

/** How long an alert a public query raised waits before it is written with the others raised meanwhile. */
export const ALERT_FLUSH_MS = 1_000;

/**
 * The alerts public queries raise, written together at most once every ALERT_FLUSH_MS. Each write is a commit to the
 * ledger, and on SQLite a commit makes every connection reading the ledger drop its pages and unmap the file: when
 * codes queried at random reach a threshold several times a second, an alert written per query had the serving
 * processes fault a million codes' pages back in as often (docs/benchmarks.md). A regulator sees an alert a second
 * later; what is not yet written is lost only with the process, like the scans it was raised from.
 */
export function createAlertQueue(store: Pick<AlertStore, 'add'>) {
  let pending: Alert[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  // Never what keeps a process alive: a server that stops writes what is pending (flush).
  function schedule(): void {
    timer ??= setTimeout(() => {
      timer = undefined;
      void flush().catch(() => undefined);
    }, ALERT_FLUSH_MS).unref();
  }

  /** Writes what is pending after any write under way; alerts a failed write held stay pending for the next. */
  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const run = writing.catch(() => undefined).then(async () => {
      const alerts = pending;
      pending = [];
      if (alerts.length === 0) return;
      try {
        await store.add(alerts);
      } catch (err) {
        pending = [...alerts, ...pending];
        schedule();
        throw err;
      }
    });
    writing = run;
    return run;
  }

  return {
    add(alerts: Alert[]): void {
      if (alerts.length === 0) return;
      pending.push(...alerts);
      schedule();
    },
    flush,
  };
}
