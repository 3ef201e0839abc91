import type { Config } from '../config.js';
import { startServer } from '../main.js';

/** `zhuisu serve`: runs until SIGINT/SIGTERM, then closes the server and the database. */
export async function runServe(_args: string[], config: Config): Promise<number> {
  const server = await startServer(config);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
