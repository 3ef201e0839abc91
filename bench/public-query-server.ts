import Fastify from 'fastify';
import { buildApp } from '../src/api/app.js';
import { forkServingProcesses } from '../src/cli/serve-cluster.js';
import { SERVING_INDEX_VARIABLE } from '../src/config.js';
import { createDb } from '../src/store/db.js';

// A server in its own process, so that the load generator does not share its event loop: `hello` is the bare
// Fastify baseline, `platform` the whole platform on the benchmark's database, in `processes` serving processes that
// share the port as `zhuisu serve` runs them with ZHUISU_WORKERS (one process listens itself).
const [mode, file, processes] = process.argv.slice(2);
const count = Number(processes ?? 1);
const serving = process.env[SERVING_INDEX_VARIABLE] !== undefined;
const announce = (port: number) => process.stdout.write(`${JSON.stringify({ port })}\n`);

if (mode === 'platform' && count > 1 && !serving) {
  const forked = await forkServingProcesses({ count, log: (line) => process.stderr.write(`${line}\n`) });
  announce(forked.port);
  process.on('SIGTERM', () => void forked.stop().then(() => process.exit(0)));
} else {
  const app = mode === 'hello'
    ? Fastify().get('/', async () => ({ hello: 'world' }))
    : await buildApp({ db: createDb({ sqliteFile: file ?? '', checkpointInBackground: true }), nodeCode: '460100', publicBaseUrl: 'https://trace.example.cn', bodyLimit: 1024 * 1024, captureWorkers: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!serving) announce(typeof address === 'object' && address ? address.port : 0);
  process.on('SIGTERM', () => void app.close().then(() => {
    process.disconnect?.();
    process.exit(0);
  }));
}
