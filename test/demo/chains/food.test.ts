import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordResult } from '../../../src/capture/records/record-capture.js';
import { foodChain as chain } from '../../../src/demo/chains/food.js';
import { foodProfile } from '../../../src/domain/sectors/food.js';
import { ZHUISU_NS } from '../../../src/domain/sectors/profile.js';
import { jsonBody, queryEvents } from '../../support/api-requests.js';
import { replayChain, zhuisuFieldsOf } from '../../support/replay-chain.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

for (const dialect of testDialects()) {
  describe(`food demo chain (${dialect})`, () => {
    let t: TestApp;
    let results: RecordResult[];
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      results = await replayChain(t.app, t.auth, chain);
    });
    afterAll(() => t.close());

    it('records every stage of the profile, each record as a new event', () => {
      expect(results).toHaveLength(chain.records.length);
      expect(results.every((r) => r.created)).toBe(true);
      expect(new Set(chain.records.map((r) => r.stage))).toEqual(new Set(foodProfile.stages.map((s) => s.id)));
    });

    it('traces the formula sold in the shop back through production to the first raw material received', async () => {
      const unit = results[chain.traceFrom.record]?.units[chain.traceFrom.unit] ?? '';
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(unit)}?direction=backward` });
      expect(res.statusCode, res.body).toBe(200);
      const trace: { nodes: Array<{ id: string }>; events: Array<{ eventId: string }> } = res.json();
      const first = results[0];
      expect(first?.units).not.toHaveLength(0);
      for (const id of first?.units ?? []) expect(trace.nodes.map((n) => n.id)).toContain(id);
      expect(trace.events.map((e) => e.eventId)).toContain(first?.eventId);
    });

    it('returns the factory-inspection event with its zhuisu: fields intact from GET /epcis/v2/events', async () => {
      const index = chain.records.findIndex((r) => r.stage === 'factory-inspection');
      const { events, res } = await queryEvents(t, { EQ_eventID: results[index]?.eventId ?? '' });
      expect(events).toHaveLength(1);
      expect(jsonBody(res)['@context']).toContainEqual({ zhuisu: ZHUISU_NS });
      expect(events[0]).toMatchObject({ 'zhuisu:sector': 'food', 'zhuisu:stage': 'factory-inspection', ...zhuisuFieldsOf(chain.records[index]?.data) });
    });
  });
}
