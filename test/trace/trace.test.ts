import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEES_ALL } from '../../src/domain/access/sight.js';
import { createCapture } from '../../src/capture/capture-events.js';
import { createCodeIssuer } from '../../src/capture/issue-codes.js';
import type { JsonObject } from '../../src/domain/event.js';
import { createCodeStore } from '../../src/store/code-store.js';
import type { Db } from '../../src/store/db.js';
import { createEventStore } from '../../src/store/event-store.js';
import { createTraceStore } from '../../src/store/trace-store.js';
import { createTrace, type Trace } from '../../src/trace/trace.js';
import type { TraceResult } from '../../src/trace/trace-result.js';
import { commission, documentOf, item, lot, move, observe, pack, pgln, q, sscc, transform, transformItems, unpack } from '../support/chain.js';
import { createTestDb, testDialects } from '../support/test-db.js';

const ids = (r: TraceResult) => r.nodes.map((n) => n.id).sort();
const edgeSet = (r: TraceResult) => r.edges.map((e) => `${e.type}:${e.from}->${e.to}`).sort();
const received = (r: TraceResult, party: string) =>
  (r.parties.find((p) => p.id === party)?.received ?? []).map((x) => `${x.unit} ${x.quantity}${x.uom ? ` ${x.uom}` : ''}`).sort();

for (const dialect of testDialects()) {
  describe(`trace engine (${dialect})`, () => {
    let db: Db;
    let trace: Trace;
    let capture: (events: JsonObject[]) => Promise<void>;

    beforeEach(async () => {
      db = await createTestDb(dialect);
      const c = createCapture({ events: createEventStore(db), now: () => new Date('2026-06-01T00:00:00Z') });
      capture = async (events) => void (await c.captureDocument(documentOf(events)));
      trace = createTrace({ storeFor: (sight) => createTraceStore(db, sight) });
    });
    afterEach(() => db.destroy());

    describe('transformation chains', () => {
      // L0 → L1 → L2 → L3 → L4 → L5, with M0 → M1 joining at L2, and L1 also feeding a sibling X2.
      beforeEach(async () => {
        await capture([
          commission(0, [q(lot('L0'), 100)]),
          commission(0, [q(lot('M0'), 50)]),
          transform(10, [q(lot('L0'), 100)], [q(lot('L1'), 90)]),
          transform(11, [q(lot('M0'), 50)], [q(lot('M1'), 45)]),
          transform(20, [q(lot('L1'), 60), q(lot('M1'), 45)], [q(lot('L2'), 100)]),
          transform(21, [q(lot('L1'), 30)], [q(lot('X2'), 30)]),
          transform(30, [q(lot('L2'), 100)], [q(lot('L3'), 95)]),
          transform(40, [q(lot('L3'), 95)], [q(lot('L4'), 90)]),
          transform(50, [q(lot('L4'), 90)], [q(lot('L5'), 85)]),
        ]);
      });

      it('finds every unit that went into a lot, five levels down, and nothing from sibling branches', async () => {
        const result = await trace.trace(lot('L5'), { direction: 'backward', sight: SEES_ALL });
        expect(ids(result)).toEqual([lot('L0'), lot('L1'), lot('L2'), lot('L3'), lot('L4'), lot('L5'), lot('M0'), lot('M1')].sort());
        expect(edgeSet(result)).toEqual([
          `transformation:${lot('L0')}->${lot('L1')}`,
          `transformation:${lot('L1')}->${lot('L2')}`,
          `transformation:${lot('M1')}->${lot('L2')}`,
          `transformation:${lot('L2')}->${lot('L3')}`,
          `transformation:${lot('L3')}->${lot('L4')}`,
          `transformation:${lot('L4')}->${lot('L5')}`,
          `transformation:${lot('M0')}->${lot('M1')}`,
        ].sort());
        expect(result.events.map((e) => e.eventType)).toEqual(['ObjectEvent', 'ObjectEvent', ...Array(5).fill('TransformationEvent'), 'TransformationEvent']);
        expect(result.events.some((e) => e.units.some((u) => u.id === lot('X2')))).toBe(false);
      });

      it('finds every unit made from a lot, recursively', async () => {
        const result = await trace.trace(lot('L0'), { direction: 'forward', sight: SEES_ALL });
        expect(ids(result)).toEqual([lot('L0'), lot('L1'), lot('L2'), lot('L3'), lot('L4'), lot('L5'), lot('X2')].sort());
        expect(result.nodes.every((n) => n.kind === 'lot')).toBe(true);
      });

      it('joins both directions without walking the ancestors forward', async () => {
        const result = await trace.trace(lot('L2'), { direction: 'both', sight: SEES_ALL });
        expect(ids(result)).toEqual([lot('L0'), lot('L1'), lot('L2'), lot('L3'), lot('L4'), lot('L5'), lot('M0'), lot('M1')].sort());
      });

      it('accepts the Digital Link spelling of a lot and answers with canonical ids', async () => {
        const result = await trace.trace('https://id.gs1.org/01/06901234123456/10/L5', { direction: 'backward', sight: SEES_ALL });
        expect(result.root).toBe(lot('L5'));
        expect(result.nodes.find((n) => n.id === lot('L5'))?.identifiers).toEqual([lot('L5'), 'https://id.gs1.org/01/06901234123456/10/L5']);
      });
    });

    describe('containers and custody', () => {
      const farm = pgln('1');
      const packer = pgln('2');
      const firstBuyer = pgln('3');
      const secondBuyer = pgln('4');
      const pallet = sscc('77');

      // Lot A and B go onto a pallet that travels to the first buyer and is emptied there; then the same pallet
      // carries lot C to a second buyer. A case inside another pallet shows nesting.
      beforeEach(async () => {
        await capture([
          commission(0, [q(lot('A'), 200), q(lot('B'), 100), q(lot('C'), 70)]),
          move(5, 'shipping', { quantities: [q(lot('A'), 200)] }, farm, packer, 'F-1'),
          move(6, 'receiving', { quantities: [q(lot('A'), 200)] }, farm, packer, 'F-1'),
          pack(10, pallet, { quantities: [q(lot('A'), 200), q(lot('B'), 100)] }),
          move(20, 'shipping', { epcs: [pallet] }, packer, firstBuyer, 'D-1'),
          move(30, 'receiving', { epcs: [pallet] }, packer, firstBuyer, 'D-1'),
          unpack(40, pallet),
          pack(50, pallet, { quantities: [q(lot('C'), 70)] }),
          move(60, 'shipping', { epcs: [pallet] }, packer, secondBuyer, 'D-2'),
          move(70, 'receiving', { epcs: [pallet] }, packer, secondBuyer, 'D-2'),
        ]);
      });

      it('applies a pallet\'s journey to the lots packed on it, once per delivery', async () => {
        const result = await trace.trace(lot('A'), { direction: 'forward', sight: SEES_ALL });
        expect(received(result, firstBuyer)).toEqual([`${lot('A')} 200 KGM`]);
        expect(received(result, packer)).toEqual([`${lot('A')} 200 KGM`]);
        expect(result.parties.map((p) => p.id).sort()).toEqual([farm, packer, firstBuyer].sort());
        expect(ids(result)).toEqual([lot('A'), pallet].sort());
        const shipping = result.events.find((e) => e.bizStep === 'shipping' && e.via.length > 0);
        expect(shipping?.via).toEqual([pallet]);
        expect(shipping?.bizTransactions).toEqual([{ type: 'desadv', id: 'urn:example:desadv:D-1' }]);
      });

      it('does not give a lot the later journeys of a reused pallet', async () => {
        const a = await trace.trace(lot('A'), { direction: 'forward', sight: SEES_ALL });
        expect(a.parties.some((p) => p.id === secondBuyer)).toBe(false);
        const c = await trace.trace(lot('C'), { direction: 'forward', sight: SEES_ALL });
        expect(received(c, secondBuyer)).toEqual([`${lot('C')} 70 KGM`]);
        expect(c.parties.some((p) => p.id === firstBuyer)).toBe(false);
      });

      it('traces a pallet backward to everything ever packed on it', async () => {
        const result = await trace.trace(pallet, { direction: 'backward', sight: SEES_ALL });
        expect(ids(result)).toEqual([lot('A'), lot('B'), lot('C'), pallet].sort());
        expect(result.nodes.find((n) => n.id === pallet)?.kind).toBe('container');
      });

      it('carries a unit through a container packed inside another container', async () => {
        const outer = sscc('88');
        await capture([
          commission(100, [q(lot('N'), 10)]),
          pack(110, sscc('99'), { quantities: [q(lot('N'), 10)] }),
          pack(120, outer, { epcs: [sscc('99')] }),
          move(130, 'shipping', { epcs: [outer] }, packer, secondBuyer, 'N-1'),
          unpack(140, outer, [sscc('99')]),
          move(150, 'shipping', { epcs: [outer] }, packer, firstBuyer, 'N-2'),
        ]);
        const result = await trace.trace(lot('N'), { direction: 'forward', sight: SEES_ALL });
        expect(received(result, secondBuyer)).toEqual([`${lot('N')} 10 KGM`]);
        expect(result.parties.some((p) => p.id === firstBuyer)).toBe(false);
        expect(ids(result)).toEqual([lot('N'), sscc('88'), sscc('99')].sort());
      });
    });

    describe('hard shapes', () => {
      it('ends on a cycle of re-labelling and lists each unit once', async () => {
        await capture([
          transformItems(0, [item('1')], [item('2')]),
          transformItems(1, [item('2')], [item('3')]),
          transformItems(2, [item('3')], [item('1')]),
        ]);
        for (const direction of ['backward', 'forward', 'both'] as const) {
          const result = await trace.trace(item('2'), { direction, sight: SEES_ALL });
          expect(ids(result)).toEqual([item('1'), item('2'), item('3')].sort());
          expect(result.truncated).toBe(false);
        }
      });

      it('follows a trace code to the lot it was issued for', async () => {
        await capture([commission(0, [q(lot('P'), 5)]), transform(5, [q(lot('P'), 5)], [q(lot('Q'), 5)])]);
        const issuer = createCodeIssuer({ codes: createCodeStore(db), nodeCode: '460100', randomBytes: (n) => new Uint8Array(n).fill(7), now: () => new Date() });
        const { codes } = await issuer.issue({ count: 1, lot: lot('Q') });
        const code = codes[0];
        if (!code) throw new Error('no code issued');
        await capture([observe(10, [code.unitId])]);
        const back = await trace.trace(code.code, { direction: 'backward', sight: SEES_ALL });
        expect(ids(back)).toEqual([code.unitId, lot('P'), lot('Q')].sort());
        expect(edgeSet(back)).toContain(`member:${lot('Q')}->${code.unitId}`);
        const forward = await trace.trace(lot('Q'), { direction: 'forward', sight: SEES_ALL });
        expect(ids(forward)).toEqual([code.unitId, lot('Q')].sort());
      });

      it('handles a unit named by thousands of events', async () => {
        const events = [commission(0, [q(lot('BIG'), 1)])];
        for (let i = 1; i <= 3000; i++) events.push(observe(i, [], [q(lot('BIG'), 1)]));
        await capture(events);
        const result = await trace.trace(lot('BIG'), { direction: 'both', sight: SEES_ALL });
        expect(result.events).toHaveLength(3001);
        expect(ids(result)).toEqual([lot('BIG')]);
      });

      it('joins the inputs and outputs of one transformationID recorded in separate events', async () => {
        const tid = 'urn:uuid:9f1c2a34-0000-4000-8000-000000000001';
        await capture([
          { ...transform(0, [q(lot('IN1'), 10), q(lot('IN2'), 5)], []), transformationID: tid, outputQuantityList: undefined },
          { ...transform(30, [], [q(lot('OUT'), 14)]), transformationID: tid, inputQuantityList: undefined },
        ].map((e) => JSON.parse(JSON.stringify(e))));
        const back = await trace.trace(lot('OUT'), { direction: 'backward', sight: SEES_ALL });
        expect(ids(back)).toEqual([lot('IN1'), lot('IN2'), lot('OUT')].sort());
        expect(back.events.map((e) => e.eventType)).toEqual(['TransformationEvent', 'TransformationEvent']);
        const forward = await trace.trace(lot('IN2'), { direction: 'forward', sight: SEES_ALL });
        expect(ids(forward)).toEqual([lot('IN2'), lot('OUT')].sort());
      });

      it('traces forward a lot that was made and never used, as itself alone', async () => {
        await capture([transform(0, [q(lot('SEED'), 1)], [q(lot('ONLY'), 1)])]);
        const result = await trace.trace(lot('ONLY'), { direction: 'forward', sight: SEES_ALL });
        expect(ids(result)).toEqual([lot('ONLY')]);
        expect(result.events).toEqual([]);
      });

      it('refuses to trace an id that no event names', async () => {
        await expect(trace.trace(lot('NOPE'), { direction: 'both', sight: SEES_ALL })).rejects.toMatchObject({ code: 'unit_not_found' });
      });
    });
  });
}
