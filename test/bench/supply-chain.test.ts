import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  generateSupplyChain, sampleTraceTargets, toDocuments, type EpcisEventJson, type SupplyChainOptions,
} from '../../bench/supply-chain.js';

const SCHEMA_PATH = new URL('../../../shared/conformance/epcis/json-schema/EPCIS-JSON-Schema.json', import.meta.url);

// Written independently of the generator on purpose: GS1 General Specifications §7.9.1.
function isValidGs1Key(key: string): boolean {
  if (!/^\d+$/.test(key)) return false;
  let sum = 0;
  for (let i = 0; i < key.length - 1; i++) sum += Number(key[key.length - 2 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(key[key.length - 1]);
}
const withCheck = (digits: string): string => {
  for (let d = 0; d < 10; d++) if (isValidGs1Key(`${digits}${d}`)) return `${digits}${d}`;
  throw new Error(`no check digit for ${digits}`);
};

function collect(opts: SupplyChainOptions): EpcisEventJson[] {
  return [...generateSupplyChain(opts)];
}

/** Every string anywhere in an event, for id scans. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** Longest chain of transformations behind each output, joining split events by transformationID. */
function transformationDepth(events: EpcisEventJson[]): number {
  const inputsOf = new Map<string, string[]>();
  const byTid = new Map<string, { inputs: string[]; outputs: string[] }>();
  for (const e of events) {
    if (e.type !== 'TransformationEvent') continue;
    const inputs = (e.inputQuantityList ?? []).map((q) => q.epcClass);
    const outputs = [...(e.outputQuantityList ?? []).map((q) => q.epcClass), ...(e.outputEPCList ?? [])];
    const group = e.transformationID ? byTid.get(e.transformationID) ?? { inputs: [], outputs: [] } : { inputs: [], outputs: [] };
    group.inputs.push(...inputs);
    group.outputs.push(...outputs);
    if (e.transformationID) byTid.set(e.transformationID, group);
    for (const out of group.outputs) inputsOf.set(out, group.inputs);
  }
  const memo = new Map<string, number>();
  const depth = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const inputs = inputsOf.get(id);
    const d = inputs ? 1 + Math.max(0, ...inputs.map(depth)) : 0;
    memo.set(id, d);
    return d;
  };
  return Math.max(0, ...[...inputsOf.keys()].map(depth));
}

describe('synthetic supply chain', () => {
  const small = { seed: 1, events: 3_000 };

  it('gives byte-identical output for the same options', () => {
    expect(JSON.stringify(collect(small))).toBe(JSON.stringify(collect(small)));
    expect(sampleTraceTargets(small, 20)).toEqual(sampleTraceTargets(small, 20));
  });

  it('gives different output for a different seed', () => {
    expect(JSON.stringify(collect({ ...small, seed: 2 }))).not.toBe(JSON.stringify(collect(small)));
  });

  it('stays within 5% of the requested event count', () => {
    for (const events of [1_000, 5_000, 20_000]) {
      expect(Math.abs(collect({ seed: 7, events }).length - events)).toBeLessThanOrEqual(events * 0.05);
    }
  });

  it('produces documents that validate against the GS1 EPCIS 2.0 JSON schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    formats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
    const docs = [...toDocuments(generateSupplyChain({ seed: 3, events: 5_000 }), 1_000)];
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const doc of docs) {
      expect(doc.epcisBody.eventList.length).toBeLessThanOrEqual(1_000);
      expect(doc['@context'][1]).toHaveProperty('zhuisu');
      const ok = validate(JSON.parse(JSON.stringify(doc)));
      expect(ok ? [] : validate.errors?.slice(0, 3)).toEqual([]);
    }
  });

  it('uses every event type, with eventTime strictly increasing at +08:00', () => {
    const events = collect(small);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent']));
    const times = events.map((e) => Date.parse(e.eventTime));
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] ?? Infinity))).toBe(true);
    expect(events.every((e) => e.eventTimeZoneOffset === '+08:00' && e.eventTime.endsWith('+08:00'))).toBe(true);
  });

  it('writes GS1 China keys whose check digits are valid', () => {
    const events = collect(small);
    const keys: string[] = [];
    for (const id of new Set(events.flatMap((e) => strings(e)))) {
      const bt = id.match(/^urn:epcglobal:cbv:bt:(\d{13}):/);
      if (bt) keys.push(bt[1] ?? '');
      if (!id.startsWith('urn:epc:id:') && !id.startsWith('urn:epc:class:')) continue;
      // EPC URIs drop the check digit (GS1 TDS §6.3), so what can go wrong there is the digit count per key.
      expect(id).toMatch(/^urn:epc:(?:class:lgtin:69\d{5}\.\d{6}\.\w+|id:sgtin:69\d{5}\.\d{6}\.\d+|id:sscc:69\d{5}\.\d{10}|id:(?:sgln:69\d{5}\.\d{5}\.\w+|pgln:69\d{5}\.\d{5}|gdti:69\d{5}\.\d{5}\.\d+))$/);
    }
    // The printed trace code carries the farm lot's GTIN with its check digit: it must match the lot's EPC URI.
    for (const e of events) {
      if (e.type !== 'ObjectEvent' || !e.ilmd) continue;
      const printed = String(e.ilmd['zhuisu:traceCode']).match(/^\(01\)(\d{14})\(10\)(\w+)$/);
      const uri = e.quantityList?.[0]?.epcClass.match(/^urn:epc:class:lgtin:(\d{7})\.(\d)(\d{5})\.(\w+)$/);
      expect(printed?.[1]).toBe(withCheck(`${uri?.[2]}${uri?.[1]}${uri?.[3]}`));
      expect(printed?.[2]).toBe(uri?.[4]);
      keys.push(printed?.[1] ?? '');
    }
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((k) => !isValidGs1Key(k))).toEqual([]);
  });

  it('builds transformation chains at least five levels deep', () => {
    expect(transformationDepth(collect({ seed: 11, events: 5_000 }))).toBeGreaterThanOrEqual(5);
  });

  it('samples trace targets of every tier that occur in the events', () => {
    const opts = { seed: 5, events: 4_000 };
    const targets = sampleTraceTargets(opts, 40);
    const ids = new Set(collect(opts).flatMap((e) => strings(e)));
    expect(targets).toHaveLength(40);
    expect(new Set(targets).size).toBe(40);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
    for (const prefix of ['urn:epc:id:sscc:', 'urn:epc:id:sgtin:', 'urn:epc:class:lgtin:']) {
      expect(targets.some((t) => t.startsWith(prefix)), prefix).toBe(true);
    }
    expect(targets.some((t) => /\.010001\./.test(t)), 'a farm lot').toBe(true);
  });
});
