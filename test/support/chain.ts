import type { JsonObject } from '../../src/domain/event.js';

/** Terse builders for EPCIS 2.0 events in trace tests. Times are minutes after a fixed start. */
const START = Date.parse('2026-05-01T00:00:00.000Z');
const at = (minute: number) => ({ eventTime: new Date(START + minute * 60_000).toISOString(), eventTimeZoneOffset: '+08:00' });

export const lot = (n: string) => `urn:epc:class:lgtin:6901234.012345.${n}`;
export const item = (serial: string) => `urn:epc:id:sgtin:6901234.012345.${serial}`;
export const sscc = (serial: string) => `urn:epc:id:sscc:6901234.${serial.padStart(10, '0')}`;
export const pgln = (ref: string) => `urn:epc:id:pgln:6901234.${ref.padStart(5, '0')}`;
export const sgln = (ref: string) => `urn:epc:id:sgln:6901234.${ref.padStart(5, '0')}.0`;

export const q = (epcClass: string, quantity: number, uom = 'KGM') => ({ epcClass, quantity, uom });

export function commission(minute: number, quantityList: ReturnType<typeof q>[], site = sgln('1')): JsonObject {
  return { type: 'ObjectEvent', ...at(minute), action: 'ADD', bizStep: 'commissioning', epcList: [], quantityList, bizLocation: { id: site } };
}

export function transform(minute: number, inputs: ReturnType<typeof q>[], outputs: ReturnType<typeof q>[]): JsonObject {
  return { type: 'TransformationEvent', ...at(minute), bizStep: 'commissioning', inputQuantityList: inputs, outputQuantityList: outputs };
}

export function transformItems(minute: number, inputs: string[], outputs: string[]): JsonObject {
  return { type: 'TransformationEvent', ...at(minute), inputEPCList: inputs, outputEPCList: outputs };
}

export function pack(minute: number, parent: string, children: { epcs?: string[]; quantities?: ReturnType<typeof q>[] }): JsonObject {
  return {
    type: 'AggregationEvent', ...at(minute), action: 'ADD', bizStep: 'packing', parentID: parent,
    childEPCs: children.epcs ?? [], ...(children.quantities ? { childQuantityList: children.quantities } : {}),
  };
}

export function unpack(minute: number, parent: string, children: string[] = []): JsonObject {
  return { type: 'AggregationEvent', ...at(minute), action: 'DELETE', bizStep: 'unpacking', parentID: parent, childEPCs: children };
}

/** A handover: bizStep shipping or receiving, from one party to another, of EPCs and/or quantities. */
export function move(minute: number, step: 'shipping' | 'receiving', what: { epcs?: string[]; quantities?: ReturnType<typeof q>[] }, from: string, to: string, doc?: string): JsonObject {
  return {
    type: 'ObjectEvent', ...at(minute), action: 'OBSERVE', bizStep: step, disposition: step === 'shipping' ? 'in_transit' : 'in_progress',
    epcList: what.epcs ?? [], ...(what.quantities ? { quantityList: what.quantities } : {}),
    sourceList: [{ type: 'owning_party', source: from }],
    destinationList: [{ type: 'owning_party', destination: to }],
    ...(doc ? { bizTransactionList: [{ type: 'desadv', bizTransaction: `urn:example:desadv:${doc}` }] } : {}),
  };
}

export function observe(minute: number, epcs: string[], quantities: ReturnType<typeof q>[] = []): JsonObject {
  return { type: 'ObjectEvent', ...at(minute), action: 'OBSERVE', bizStep: 'inspecting', epcList: epcs, quantityList: quantities };
}

export function documentOf(events: JsonObject[]): JsonObject {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-05-01T00:00:00.000Z',
    epcisBody: { eventList: events },
  };
}
