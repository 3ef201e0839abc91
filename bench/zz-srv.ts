import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { startLedgerServer, BENCH_TOKEN } from './ledger-server.js';
for (const s of ['', '-wal', '-shm']) rmSync('/tmp/probe/srv.db' + s, { force: true });
const server = await startLedgerServer('/tmp/probe/srv.db', { captureWorkers: 1 });
const client = spawn(process.execPath, ['--import', 'tsx', 'bench/capture-client.ts', server.url, BENCH_TOKEN, '1', '50000', '4'], { stdio: ['ignore', 'inherit', 'inherit'] });
await once(client, 'exit');
await server.close();
