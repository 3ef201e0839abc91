import Fastify from 'fastify';
import { buildApp } from '../src/api/app.js';
import { createDb } from '../src/store/db.js';

// A server in its own process, so that the load generator does not share its event loop:
// `hello` is the bare Fastify baseline, `platform` the whole platform on the benchmark's database.
const [mode, file] = process.argv.slice(2);
const app = mode === 'hello'
  ? Fastify().get('/', async () => ({ hello: 'world' }))
  : await buildApp({ db: createDb({ sqliteFile: file ?? '', checkpointInBackground: true }), nodeCode: '460100', publicBaseUrl: 'https://trace.example.cn', bodyLimit: 1024 * 1024, captureWorkers: 0 });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
