import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordResult } from '../../src/capture/records/record-capture.js';
import type { DemoChain } from '../../src/demo/chains/chain.js';
import { isObject } from '../../src/domain/event.js';
import { ZHUISU_NS, type SectorProfile } from '../../src/domain/sectors/profile.js';
import { jsonBody, queryEvents } from './api-requests.js';
import { buildTestApp, type TestApp } from './test-app.js';
import { testDialects } from './test-db.js';

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

/** A chain loaded into a fresh app, for a test file's own checks; read its fields inside tests, not while registering them. */
export interface ChainReplay {
  /** What each record became, in order. */
  readonly results: RecordResult[];
  /** The units that the `record`-th record named. */
  unitsOf(record: number): string[];
  /** Traces a unit backward through the API (asserting 200): the ids of the nodes and events it reaches. */
  traceBackward(unit: string): Promise<{ nodes: string[]; events: string[] }>;
}

/**
 * Registers `describe('<sector> demo chain (<dialect>)')` for every test dialect: the chain replayed into a fresh app
 * records every stage of the profile as new events; its `traceFrom` unit traces back to the first record's units and
 * event (test title `traces <traceBack>`); the first record of `queryStage` comes back from GET /epcis/v2/events with
 * its `zhuisu:` fields. `extraChecks` registers the file's own tests in the same `describe`.
 */
export function describeChain(
  chain: DemoChain,
  profile: SectorProfile,
  opts: {
    traceBack: string;
    queryStage: string;
    /**
     * `all` (the default): the trace reaches every unit the first record named. `traced unit only`: the traced unit is
     * itself one the first record named, as an item code commissioned with its lot, whose trace need not reach the lot.
     */
    firstUnitsReached?: 'all' | 'traced unit only';
    extraChecks?: (replay: ChainReplay) => void;
  },
): void {
  for (const dialect of testDialects()) {
    describe(`${chain.sector} demo chain (${dialect})`, () => {
      let t: TestApp;
      let results: RecordResult[];
      beforeAll(async () => {
        t = await buildTestApp(dialect);
        results = await replayChain(t.app, t.auth, chain);
      });
      afterAll(() => t.close());

      const replay: ChainReplay = {
        get results() { return results; },
        unitsOf: (record) => results[record]?.units ?? [],
        async traceBackward(unit) {
          const res = await t.app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(unit)}?direction=backward` });
          expect(res.statusCode, res.body).toBe(200);
          const body: { nodes: Array<{ id: string }>; events: Array<{ eventId: string }> } = res.json();
          return { nodes: body.nodes.map((n) => n.id), events: body.events.map((e) => e.eventId) };
        },
      };

      it('records every stage of the profile, each record as a new event', () => {
        expect(results).toHaveLength(chain.records.length);
        expect(results.every((r) => r.created)).toBe(true);
        expect(new Set(chain.records.map((r) => r.stage))).toEqual(new Set(profile.stages.map((s) => s.id)));
      });

      it(`traces ${opts.traceBack}`, async () => {
        const traced = replay.unitsOf(chain.traceFrom.record)[chain.traceFrom.unit] ?? '';
        const trace = await replay.traceBackward(traced);
        expect(chain.records[0]?.stage).toBe(profile.stages[0]?.id);
        expect(replay.unitsOf(0)).not.toHaveLength(0);
        const onlyTraced = opts.firstUnitsReached === 'traced unit only';
        if (onlyTraced) expect(replay.unitsOf(0)).toContain(traced);
        for (const unit of onlyTraced ? [traced] : replay.unitsOf(0)) expect(trace.nodes).toContain(unit);
        expect(trace.events).toContain(results[0]?.eventId);
      });

      it(`returns the ${opts.queryStage} event with its zhuisu: fields intact from GET /epcis/v2/events`, async () => {
        const index = chain.records.findIndex((r) => r.stage === opts.queryStage);
        expect(index, opts.queryStage).toBeGreaterThanOrEqual(0);
        const { events, res } = await queryEvents(t, { EQ_eventID: results[index]?.eventId ?? '' });
        expect(events).toHaveLength(1);
        expect(jsonBody(res)['@context']).toContainEqual({ zhuisu: ZHUISU_NS });
        expect(events[0]).toMatchObject({ 'zhuisu:sector': profile.id, 'zhuisu:stage': opts.queryStage, ...zhuisuFieldsOf(chain.records[index]?.data) });
      });

      opts.extraChecks?.(replay);
    });
  }
}
