import type { Config } from '../config.js';
import { announceListening, openDatabase, prepareDatabase, serveOn, startServer } from '../main.js';
import { forkServingProcesses } from './serve-cluster.js';

/**
 * `zhuisu serve`: runs until SIGINT/SIGTERM, then closes the server and the database. With ZHUISU_WORKERS above 1,
 * this process prepares the database and forks that many serving processes on the one port.
 */
export async function runServe(_args: string[], config: Config): Promise<number> {
  const index = config.servingIndex;
  let close: () => Promise<void>;
  if (index !== undefined) {
    ({ close } = await serveOn(openDatabase(config), config, { sweeps: index === 0 }));
  } else if (config.workers > 1) {
    await (await prepareDatabase(config, console.log)).destroy();
    const processes = await forkServingProcesses({ count: config.workers, log: console.log });
    announceListening(config, console.log, config.workers);
    close = processes.stop;
  } else {
    ({ close } = await startServer(config));
  }
  // Kept listening: Ctrl-C reaches the serving processes and the primary alike, and the primary's SIGTERM that follows
  // must not cut short the close already under way (the scans still to be written).
  await new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
  await close();
  // A serving process stays alive while its channel to the primary is open.
  if (index !== undefined) process.disconnect?.();
  return 0;
}
