import { Worker } from 'node:worker_threads';
const w = new Worker(new URL('../src/capture/capture-worker-entry.mjs', import.meta.url), { workerData: { db: { sqliteFile: '/proc/zhuisu-cannot-write-here/ledger.db' } } });
w.on('error', (e) => console.log('error', e.message));
w.on('exit', (c) => console.log('exit', c));
w.on('online', () => console.log('online'));
setTimeout(() => { console.log('timeout'); process.exit(0); }, 8000);
