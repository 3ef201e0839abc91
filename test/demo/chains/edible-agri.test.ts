import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordResult } from '../../../src/capture/records/record-capture.js';
import { edibleAgriChain as chain } from '../../../src/demo/chains/edible-agri.js';
import { edibleAgriProfile } from '../../../src/domain/sectors/edible-agri.js';
import { ZHUISU_NS } from '../../../src/domain/sectors/profile.js';
import { jsonBody, queryEvents } from '../../support/api-requests.js';
import { replayChain, zhuisuFieldsOf } from '../../support/replay-chain.js';
import { buildTestApp, type TestApp } from '../../support/test-app.js';
import { testDialects } from '../../support/test-db.js';

for (const dialect of testDialects()) {
  describe(`edible-agri demo chain (${dialect})`, () => {
    let t: TestApp;
    let results: RecordResult[];
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      results = await replayChain(t.app, t.auth, chain);
    });
    afterAll(() => t.close());

    const unitsOf = (record: number) => results[record]?.units ?? [];
    const traceBackward = async (unit: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/trace/${encodeURIComponent(unit)}?direction=backward` });
      expect(res.statusCode, res.body).toBe(200);
      const body: { nodes: Array<{ id: string }>; events: Array<{ eventId: string }> } = res.json();
      return { nodes: body.nodes.map((n) => n.id), events: body.events.map((e) => e.eventId) };
    };

    it('records every stage of the profile, each record as a new event', () => {
      expect(results).toHaveLength(chain.records.length);
      expect(results.every((r) => r.created)).toBe(true);
      expect(new Set(chain.records.map((r) => r.stage))).toEqual(new Set(edibleAgriProfile.stages.map((s) => s.id)));
    });

    it('traces the mango sold at the supermarket back through grading to the orchard lot', async () => {
      const trace = await traceBackward(unitsOf(chain.traceFrom.record)[chain.traceFrom.unit] ?? '');
      expect(chain.records[0]?.stage).toBe('farming');
      expect(unitsOf(0)).not.toHaveLength(0);
      for (const unit of unitsOf(0)) expect(trace.nodes).toContain(unit);
      expect(trace.events).toContain(results[0]?.eventId);
    });

    it('traces the pork sold at the market back through slaughter to the pig farm lot', async () => {
      const retail = chain.records.findLastIndex((r) => r.stage === 'retail');
      const farming = chain.records.findLastIndex((r) => r.stage === 'farming');
      const trace = await traceBackward(unitsOf(retail)[0] ?? '');
      expect(unitsOf(farming)).not.toHaveLength(0);
      for (const unit of unitsOf(farming)) expect(trace.nodes).toContain(unit);
      expect(trace.events).toContain(results[farming]?.eventId);
    });

    it('returns the meat-sale event with its zhuisu: fields intact from GET /epcis/v2/events', async () => {
      const index = chain.records.findIndex((r) => r.stage === 'meat-sale');
      const { events, res } = await queryEvents(t, { EQ_eventID: results[index]?.eventId ?? '' });
      expect(events).toHaveLength(1);
      expect(jsonBody(res)['@context']).toContainEqual({ zhuisu: ZHUISU_NS });
      expect(events[0]).toMatchObject({ 'zhuisu:sector': 'edible-agri', 'zhuisu:stage': 'meat-sale', ...zhuisuFieldsOf(chain.records[index]?.data) });
    });
  });
}
