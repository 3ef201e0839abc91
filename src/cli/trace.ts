import { SEES_ALL } from '../domain/access/sight.js';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { createTraceStore } from '../store/trace-store.js';
import { createTrace } from '../trace/trace.js';
import { renderTraceTree } from './trace-tree.js';
import { withLedger } from './open-ledger.js';

/** `zhuisu trace ID [--backward|--forward] [--json]`. */
export async function runTrace(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { backward: { type: 'boolean' }, forward: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  const [id] = positionals;
  if (!id) {
    process.stderr.write('usage: zhuisu trace ID [--backward|--forward] [--json]\n');
    return 2;
  }
  const direction = values.backward && !values.forward ? 'backward' : values.forward && !values.backward ? 'forward' : 'both';
  return withLedger(config, async (db) => {
    const result = await createTrace({ storeFor: (sight) => createTraceStore(db, sight) }).trace(id, { direction, sight: SEES_ALL });
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderTraceTree(result));
    return 0;
  }, (err) => err.message);
}
