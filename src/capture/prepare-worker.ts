import { parentPort } from 'node:worker_threads';
import { prepareCapture } from './prepare-capture.js';

parentPort?.on('message', (message: { id: number; input: { text: string }; kind: 'document' | 'event'; ctx: { recordTime: string; captureId: string } }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: prepareCapture(message.input, message.kind, message.ctx) });
  } catch (err) {
    parentPort?.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) });
  }
});
