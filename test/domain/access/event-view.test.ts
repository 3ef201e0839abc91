import { describe, expect, it } from 'vitest';
import { eventScopeOf, recordedBy } from '../../../src/domain/access/event-scope.js';
import { viewOfEvent, type StageLookup } from '../../../src/domain/access/event-view.js';
import { audienceOf, regionPrefix, sightOf, PUBLIC_SIGHT, SEES_ALL } from '../../../src/domain/access/sight.js';
import { PUBLIC } from '../../../src/domain/access/principal.js';
import { drugProfile } from '../../../src/domain/sectors/drug.js';
import { ZHUISU_NS } from '../../../src/domain/sectors/profile.js';

const MAKER = '91460100MA5RD0A1X7';
const WHOLESALER = '91460100MA5RD0B2Y1';
const stageOf: StageLookup = (sector, version, stage) => (sector === 'drug' && version === drugProfile.version ? drugProfile.stages.find((s) => s.id === stage) : undefined);

// A shipment as the platform writes it for a drug distribution record (record-events.ts).
const shipment = {
  type: 'ObjectEvent', eventID: 'ni:///sha-256;00?ver=CBV2.0', eventTime: '2026-03-05T01:00:00.000Z', eventTimeZoneOffset: '+08:00', action: 'OBSERVE',
  bizStep: 'shipping', disposition: 'in_transit',
  epcList: ['urn:zhuisu:drug:83857930000879766660'],
  quantityList: [{ epcClass: 'urn:zhuisu:lot:91460100MA5RD0A1X7:AMX-250:20260301', quantity: 3, uom: 'H87' }],
  readPoint: { id: `urn:zhuisu:site:${MAKER}` },
  sourceList: [{ type: 'owning_party', source: `urn:zhuisu:party:${MAKER}` }],
  destinationList: [{ type: 'owning_party', destination: `urn:zhuisu:party:${WHOLESALER}` }],
  bizTransactionList: [{ type: 'desadv', bizTransaction: 'urn:zhuisu:doc:desadv:SH-1' }, { type: 'po', bizTransaction: 'urn:example:po:7' }],
  'zhuisu:invoiceNumber': 'SH-1',
  'zhuisu:transportTemperature': 18,
  'zhuisu:sector': 'drug', 'zhuisu:stage': 'distribution', 'zhuisu:profileVersion': drugProfile.version,
  'zhuisu:party': MAKER, 'zhuisu:counterpart': WHOLESALER, 'zhuisu:region': '460100', 'zhuisu:product': `${MAKER}/AMX-250`, 'zhuisu:reference': 'ERP-9',
  'example:price': 12.5,
};
const namespaces = { zhuisu: ZHUISU_NS, example: 'https://example.com/' };

describe('the fields each audience reads of an event', () => {
  it('gives the recorder and the platform the event as stored', () => {
    expect(viewOfEvent(shipment, namespaces, 'owner', stageOf)).toBe(shipment);
  });

  it('gives the public what happened to which product, when, where and by whom: no customer, amount, document, price or private element', () => {
    expect(viewOfEvent(shipment, namespaces, 'public', stageOf)).toEqual({
      type: 'ObjectEvent', eventID: shipment.eventID, eventTime: shipment.eventTime, eventTimeZoneOffset: '+08:00', action: 'OBSERVE',
      bizStep: 'shipping', disposition: 'in_transit', epcList: shipment.epcList,
      quantityList: [{ epcClass: 'urn:zhuisu:lot:91460100MA5RD0A1X7:AMX-250:20260301' }],
      readPoint: shipment.readPoint,
      'zhuisu:sector': 'drug', 'zhuisu:stage': 'distribution', 'zhuisu:profileVersion': drugProfile.version,
      'zhuisu:party': MAKER, 'zhuisu:region': '460100', 'zhuisu:product': `${MAKER}/AMX-250`,
    });
  });

  it('gives the counterpart the trade between them, without the recorder’s own elements or documents a private element wrote', () => {
    const view = viewOfEvent(shipment, namespaces, 'party', stageOf);
    expect(view.destinationList).toEqual(shipment.destinationList);
    expect(view.quantityList).toEqual(shipment.quantityList);
    expect(view.bizTransactionList).toEqual([{ type: 'po', bizTransaction: 'urn:example:po:7' }]);
    expect(view['zhuisu:counterpart']).toBe(WHOLESALER);
    for (const hidden of ['zhuisu:invoiceNumber', 'zhuisu:transportTemperature', 'zhuisu:reference', 'example:price']) expect(view[hidden]).toBeUndefined();
  });

  it('gives a regulator every field but those the profile keeps for the owner', () => {
    const view = viewOfEvent(shipment, namespaces, 'regulator', stageOf);
    const expected: Record<string, unknown> = { ...shipment, bizTransactionList: [{ type: 'po', bizTransaction: 'urn:example:po:7' }] };
    delete expected['zhuisu:invoiceNumber'];
    expect(view).toEqual(expected);
  });

  it('treats zhuisu: fields under another namespace as unknown extensions, kept from the public', () => {
    const view = viewOfEvent({ type: 'ObjectEvent', 'zhuisu:party': MAKER }, { zhuisu: 'https://other.example/' }, 'public', stageOf);
    expect(view).toEqual({ type: 'ObjectEvent' });
  });

  it('keeps product facts of a lot’s master data public and the rest for regulators', () => {
    const event = { type: 'ObjectEvent', ilmd: { 'cbvmda:bestBeforeDate': '2027-01-01', 'cbvmda:farmList': [{ farmer: '张三' }] } };
    expect(viewOfEvent(event, {}, 'public', stageOf)).toEqual({ type: 'ObjectEvent', ilmd: { 'cbvmda:bestBeforeDate': '2027-01-01' } });
  });
});

describe('whom an event concerns', () => {
  it('takes the recorder, region, sector and every enterprise named from a sector event, each once', () => {
    const scope = eventScopeOf({
      body: shipment, namespaces,
      parties: [
        { direction: 'source', type: 'owning_party', party: `urn:zhuisu:party:${MAKER}` },
        { direction: 'source', type: 'location', party: `urn:zhuisu:party:91110000000000000X` },
        { direction: 'destination', type: 'owning_party', party: `urn:zhuisu:party:${WHOLESALER}` },
        { direction: 'destination', type: 'possessing_party', party: 'urn:epc:id:pgln:6901234.00000' },
      ],
    });
    expect(scope).toEqual({ recorder: MAKER, region: '460100', sector: 'drug', parties: [MAKER, WHOLESALER] });
  });

  it('makes the enterprise that sent an event its recorder, whatever the event says', () => {
    expect(recordedBy({ recorder: null, region: null, sector: null, parties: [WHOLESALER] }, MAKER)).toEqual({ recorder: MAKER, region: null, sector: null, parties: [MAKER, WHOLESALER] });
  });
});

describe('what a principal sees', () => {
  it('reads the prefix of a region that its subordinate regions share', () => {
    expect(['460000', '460100', '460106', '469000', '110000'].map(regionPrefix)).toEqual(['46', '4601', '460106', '4690', '11']);
  });

  it('gives each role its sight', () => {
    expect(sightOf({ kind: 'user', id: 'u', name: 'a', role: 'platform_admin', sectors: [] })).toBe(SEES_ALL);
    expect(sightOf({ kind: 'user', id: 'u', name: 'r', role: 'regulator', region: '460100', sectors: ['drug'] })).toEqual({ kind: 'jurisdiction', regionPrefix: '4601', sectors: ['drug'] });
    expect(sightOf({ kind: 'token', id: 't', name: 'e', role: 'enterprise_operator', enterprise: MAKER, sectors: [] })).toEqual({ kind: 'enterprise', uscc: MAKER });
    expect(sightOf({ kind: 'token', id: 't', name: 'i', role: 'inspection_body', sectors: [] })).toBe(PUBLIC_SIGHT);
    expect(sightOf(PUBLIC)).toBe(PUBLIC_SIGHT);
  });

  it('reads an event as its owner only when it recorded it', () => {
    const sight = { kind: 'enterprise', uscc: MAKER } as const;
    expect([audienceOf(sight, MAKER), audienceOf(sight, WHOLESALER), audienceOf(sight, null)]).toEqual(['owner', 'party', 'party']);
  });
});
