import cluster, { type Worker } from 'node:cluster';
import { SERVING_INDEX_VARIABLE } from '../config.js';

/**
 * Forks `count` processes of this same program that serve HTTP on one port (Node's cluster: the primary accepts the
 * connections and hands them round in turn), and resolves with that port once every one of them listens. One node of
 * the event loop is one core; the public query of a busy platform needs them all. A process that dies is forked again
 * in its place with its index, so that the work only the first one does (the overdue sweep) goes on. Everything the
 * processes share lives in the database: sessions, login and report limits, scans, registered profiles.
 */
export async function forkServingProcesses(opts: { count: number; log: (line: string) => void }): Promise<{ port: number; stop(): Promise<void> }> {
  let stopping = false;
  let started = false;
  const workers: Worker[] = [];
  const fork = (index: number): Worker => {
    const worker = cluster.fork({ [SERVING_INDEX_VARIABLE]: String(index) });
    worker.once('exit', (code, signal) => {
      // One that cannot start (a bad setting, a port taken) would only fail again: that is reported instead.
      if (stopping || !started) return;
      opts.log(`serving process ${index} (pid ${String(worker.process.pid)}) ended (${signal ?? `exit ${String(code)}`}); starting another 服务进程已重启`);
      workers[index] = fork(index);
    });
    return worker;
  };
  const listening = new Promise<number>((resolve, reject) => {
    let ready = 0;
    const onListening = (_worker: Worker, address: { port: number }) => {
      if (++ready < opts.count) return;
      started = true;
      cluster.off('listening', onListening);
      cluster.off('exit', onEarlyExit);
      resolve(address.port);
    };
    const onEarlyExit = (_worker: Worker, code: number) => {
      cluster.off('listening', onListening);
      cluster.off('exit', onEarlyExit);
      reject(new Error(`a serving process ended with ${String(code)} before listening`));
    };
    cluster.on('listening', onListening);
    cluster.on('exit', onEarlyExit);
  });
  for (let index = 0; index < opts.count; index++) workers.push(fork(index));
  const stop = async () => {
    stopping = true;
    await Promise.all(workers.map((worker) => worker.isDead() ? undefined : new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.process.kill('SIGTERM');
    })));
  };
  try {
    return { port: await listening, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
