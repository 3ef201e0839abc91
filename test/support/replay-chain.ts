import type { FastifyInstance } from 'fastify';
import type { RecordResult } from '../../src/capture/records/record-capture.js';
import type { DemoChain } from '../../src/demo/chains/chain.js';
import { isObject } from '../../src/domain/event.js';

type App = Pick<FastifyInstance, 'inject'>;

function isRecordResult(value: unknown): value is RecordResult {
  if (!isObject(value)) return false;
  const { recordId, eventId, created, units, alerts } = value;
  return typeof recordId === 'string' && typeof eventId === 'string' && typeof created === 'boolean'
    && Array.isArray(units) && units.every((u) => typeof u === 'string') && Array.isArray(alerts);
}

async function post(app: App, auth: Record<string, string>, url: string, payload: object, what: string): Promise<unknown> {
  const res = await app.inject({ method: 'POST', url, headers: auth, payload });
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body);
}

/**
 * Loads a demo chain through the API as its enterprises would: registers its parties, products and quotas, then
 * posts its records in order. Throws with the platform's answer as soon as anything is refused, or when a record
 * comes back as already stored (a chain never repeats a record). Returns what each record became, in order.
 */
export async function replayChain(app: App, auth: Record<string, string>, chain: DemoChain): Promise<RecordResult[]> {
  for (const party of chain.parties) await post(app, auth, '/api/v1/parties', party, `registering party ${party.uscc} ${party.name}`);
  for (const product of chain.products) await post(app, auth, '/api/v1/products', product, `registering product ${product.code} ${product.name}`);
  for (const { party, ...quota } of chain.quotas ?? []) {
    await post(app, auth, `/api/v1/parties/${encodeURIComponent(party)}/quotas`, quota, `registering quota ${quota.reference} of ${party}`);
  }
  const results: RecordResult[] = [];
  for (const [i, record] of chain.records.entries()) {
    const body = await post(app, auth, '/api/v1/records', record, `record ${i} (${record.stage} by ${record.party} at ${record.time})`);
    if (!isRecordResult(body)) throw new Error(`record ${i} (${record.stage}): unexpected answer ${JSON.stringify(body)}`);
    results.push(body);
  }
  return results;
}

/** A record's data elements as the `zhuisu:` extension fields its event carries. */
export function zhuisuFieldsOf(data: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([id, value]) => [`zhuisu:${id}`, value]));
}
