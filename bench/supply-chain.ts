// Deterministic synthetic farm → processor → distributor → retailer chain, as EPCIS 2.0 JSON.
// Pork, vegetables and fruit in a Chinese setting; every id is a canonical EPC URI under a GS1 China prefix.

export type Action = 'ADD' | 'OBSERVE' | 'DELETE';
export interface QuantityElementJson { epcClass: string; quantity?: number; uom?: string }
export interface BizTransactionJson { type?: string; bizTransaction: string }
interface EventCommonJson {
  eventTime: string; eventTimeZoneOffset: string; bizStep?: string; disposition?: string;
  readPoint?: { id: string }; bizLocation?: { id: string }; bizTransactionList?: BizTransactionJson[];
  sourceList?: Array<{ type: string; source: string }>; destinationList?: Array<{ type: string; destination: string }>;
}
export interface ObjectEventJson extends EventCommonJson {
  type: 'ObjectEvent'; action: Action; epcList?: string[]; quantityList?: QuantityElementJson[];
  ilmd?: Record<string, string | number>;
}
export interface AggregationEventJson extends EventCommonJson {
  type: 'AggregationEvent'; action: Action; parentID: string; childEPCs?: string[];
  childQuantityList?: QuantityElementJson[];
}
export interface TransactionEventJson extends EventCommonJson {
  type: 'TransactionEvent'; action: Action; bizTransactionList: BizTransactionJson[]; parentID?: string;
  epcList?: string[]; quantityList?: QuantityElementJson[];
}
export interface TransformationEventJson extends EventCommonJson {
  type: 'TransformationEvent'; transformationID?: string; inputQuantityList?: QuantityElementJson[];
  outputQuantityList?: QuantityElementJson[]; outputEPCList?: string[]; ilmd?: Record<string, string | number>;
}
export type EpcisEventJson = ObjectEventJson | AggregationEventJson | TransactionEventJson | TransformationEventJson;
export interface EpcisDocumentJson {
  '@context': [string, Record<string, string>]; type: 'EPCISDocument'; schemaVersion: '2.0'; creationDate: string;
  epcisBody: { eventList: EpcisEventJson[] };
}

export interface SupplyChainOptions {
  seed: number;
  /** Approximate number of events; generation stops after the supply wave that reaches it. */
  events: number;
  /** Party counts; defaults 60 farms, 16 processors, 6 distributors, 40 retailers. */
  farms?: number; processors?: number; distributors?: number; retailers?: number;
  /** Start of the first wave; default 2024-01-01T00:00+08:00. */
  start?: Date;
}
export type TraceTargetKind = 'farmLot' | 'processorOutput' | 'retailLot' | 'retailItem' | 'pallet';

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
export const ZHUISU_NAMESPACE = 'https://ns.zhuisu.org/epcis/';
const TZ = '+08:00';
const TZ_MS = 8 * 3_600_000;
const DEFAULT_START = new Date('2024-01-01T00:00:00+08:00');
const POOL_SIZE = 32;

interface Sector {
  product: string; origins: readonly string[]; kg: [number, number]; stages: readonly string[]; items: number;
  mixIn?: { level: number; sector: number; fromLevel: number };
}
const SECTORS: readonly Sector[] = [
  // Dumpling filling (调馅) takes chopped cabbage from the vegetable chain, so the trace graph crosses sectors.
  { product: '生猪', origins: ['河南省周口市', '四川省内江市', '湖南省衡阳市'], kg: [1200, 3600],
    stages: ['屠宰', '分割', '绞制', '调馅', '速冻包装'], items: 12, mixIn: { level: 4, sector: 1, fromLevel: 2 } },
  { product: '大白菜', origins: ['山东省寿光市', '河北省张家口市', '广东省潮州市饶平县'], kg: [500, 2000],
    stages: ['清洗', '切配', '包装'], items: 0 },
  { product: '脐橙', origins: ['江西省赣州市', '广西壮族自治区南宁市', '海南省澄迈县'], kg: [800, 3000],
    stages: ['分选', '榨汁', '调配', '灌装'], items: 16 },
];
const SECTOR_WEIGHTS = [0.4, 0.75, 1];

interface Party { cp: string; pgln: string; gln: string; site: string; dock: string }
interface Lot { epcClass: string; kg: number; madeAt: number }
interface Load { items: string[]; lots: QuantityElementJson[] }
type Fields<E> = Omit<E, 'type' | 'eventTime' | 'eventTimeZoneOffset'>;

/** GS1 mod-10 check digit of a key given without its check digit. */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, w = 3; i >= 0; i--, w = 4 - w) sum += (digits.charCodeAt(i) - 48) * w;
  return (10 - (sum % 10)) % 10;
}

function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => { // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  };
  return { next, int, pick, chance: (p: number): boolean => next() < p };
}

const createParty = (cp: string): Party => ({
  cp, pgln: `urn:epc:id:pgln:${cp}.00001`, gln: `${cp}00001${gs1CheckDigit(`${cp}00001`)}`,
  site: `urn:epc:id:sgln:${cp}.00010.0`, dock: `urn:epc:id:sgln:${cp}.00010.1`,
});
const round1 = (x: number): number => Math.round(x * 10) / 10;
const itemRef = (sector: number, level: number, variant: number): string => `0${sector + 1}${level}00${variant}`;
const kgOf = (lot: Lot, kg = lot.kg): QuantityElementJson => ({ epcClass: lot.epcClass, quantity: kg, uom: 'KGM' });
const remember = (pool: Lot[], lot: Lot): void => { if (pool.push(lot) > POOL_SIZE) pool.shift(); };
const isoAt = (ms: number): string => new Date(ms + TZ_MS).toISOString().slice(0, -1) + TZ;
function latestBefore(lots: Lot[], t: number): Lot | undefined {
  for (let i = lots.length - 1; i >= 0; i--) { const lot = lots[i]; if (lot && lot.madeAt < t) return lot; }
  return undefined;
}
function sectorAt(s: number): Sector {
  const sector = SECTORS[s];
  if (!sector) throw new RangeError(`no sector ${s}`);
  return sector;
}

interface Pending { t: number; event: EpcisEventJson }
// Min-heap on time: supply waves overlap, so their events are merged into one eventTime-ordered stream.
function createEventQueue() {
  const heap: Pending[] = [];
  return {
    nextTime: (): number => heap[0]?.t ?? Infinity,
    push(p: Pending): void {
      let i = heap.push(p) - 1;
      for (let up = (i - 1) >> 1, parent = heap[up]; i > 0 && parent && parent.t > p.t; up = (i - 1) >> 1, parent = heap[up]) {
        heap[i] = parent;
        i = up;
      }
      heap[i] = p;
    },
    pop(): Pending | undefined {
      const top = heap[0], last = heap.pop();
      if (!last || heap.length === 0) return top;
      let i = 0;
      for (let c = 1, child = heap[c]; child; c = 2 * i + 1, child = heap[c]) {
        const right = heap[c + 1];
        if (right && right.t < child.t) { c++; child = right; }
        if (child.t >= last.t) break;
        heap[i] = child;
        i = c;
      }
      heap[i] = last;
      return top;
    },
  };
}

function* simulate(opts: SupplyChainOptions, onTarget: (kind: TraceTargetKind, id: string) => void): Generator<EpcisEventJson> {
  const counts = [opts.farms ?? 60, opts.processors ?? 16, opts.distributors ?? 6, opts.retailers ?? 40];
  if (counts.reduce((a, b) => a + Math.max(1, b), 0) > 100_000) throw new RangeError('at most 100000 parties fit under 690-699');
  const rnd = createRandom(opts.seed);
  const prefixOffset = rnd.int(0, 99_999);
  let partyCount = 0;
  // 7919 is coprime with 10^5, so every party gets its own 7-digit company prefix in 6900000-6999999.
  const parties = (n = 1): Party[] => Array.from({ length: Math.max(1, Math.floor(n)) },
    () => createParty(String(6_900_000 + ((partyCount++ * 7919 + prefixOffset) % 100_000))));
  const farms = parties(opts.farms ?? 60), processors = parties(opts.processors ?? 16);
  const distributors = parties(opts.distributors ?? 6), retailers = parties(opts.retailers ?? 40);
  const slotCount = SECTORS.reduce((n, sector) => n + sector.stages.length, 0);
  let slot = 0;
  // Each (sector, stage) slot has its own processors; with fewer processors than slots, plants run several stages.
  const stageProcessors = SECTORS.map((sector) => sector.stages.map(() => {
    const own = processors.filter((_, j) => j % slotCount === slot);
    const list = own.length > 0 ? own : processors.filter((_, j) => j === slot % processors.length);
    slot++;
    return list;
  }));
  const sectorFarms = SECTORS.map((_, s) => farms.filter((_f, j) => j % SECTORS.length === s || farms.length < SECTORS.length));
  // Recent lots per (sector, level): later waves draw on them too, so the graph is a DAG rather than a forest.
  const pools = SECTORS.map((sector) => [[], ...sector.stages].map((): Lot[] => []));
  const pool = (s: number, level: number): Lot[] => pools[s]?.[level] ?? [];
  let clock = 0, lotSeq = 0, serialSeq = 1_000_000, ssccSeq = 0, docSeq = 0, generated = 0;
  const queue = createEventQueue();
  const add = (t: number, event: EpcisEventJson): void => { generated++; queue.push({ t, event }); };
  const stamp = { eventTime: '', eventTimeZoneOffset: TZ };
  const object = (t: number, f: Fields<ObjectEventJson>): void => add(t, { type: 'ObjectEvent', ...stamp, ...f });
  const transformation = (t: number, f: Fields<TransformationEventJson>): void =>
    add(t, { type: 'TransformationEvent', ...stamp, ...f });
  const tick = (minS: number, maxS: number): number => (clock += rnd.int(minS, maxS) * 1000);
  let dayStart = Infinity, dayEnd = -Infinity, day = '', dayCode = '';
  const today = (): string => {
    if (clock < dayStart || clock >= dayEnd) {
      day = isoAt(clock).slice(0, 10);
      dayCode = day.slice(2).replaceAll('-', '');
      dayStart = Date.parse(`${day}T00:00:00${TZ}`);
      dayEnd = dayStart + 86_400_000;
    }
    return day;
  };
  const lotNo = (): string => { today(); return `${dayCode}${String(++lotSeq).padStart(5, '0')}`; };
  const lgtin = (cp: string, ref: string, lot: string): string => `urn:epc:class:lgtin:${cp}.${ref}.${lot}`;
  const sscc = (cp: string): string => `urn:epc:id:sscc:${cp}.0${String(++ssccSeq).padStart(9, '0')}`;
  // CBV 2.0 §8.5: a GLN-based business transaction id, urn:epcglobal:cbv:bt:<GLN of the issuer>:<document number>.
  const bt = (type: string, issuer: Party, prefix: string): BizTransactionJson =>
    ({ type, bizTransaction: `urn:epcglobal:cbv:bt:${issuer.gln}:${prefix}${++docSeq}` });
  const at = (party: Party) => ({ readPoint: { id: party.dock }, bizLocation: { id: party.site } });
  const route = (from: Party, to: Party) => ({
    sourceList: [{ type: 'owning_party', source: from.pgln }, { type: 'location', source: from.site }],
    destinationList: [{ type: 'owning_party', destination: to.pgln }, { type: 'location', destination: to.site }],
  });

  function commission(s: number): Lot {
    const sector = sectorAt(s), farm = rnd.pick(sectorFarms[s] ?? farms), ref = itemRef(s, 0, 1);
    const t = tick(60, 1200), lot = lotNo(), gtin = `${ref.slice(0, 1)}${farm.cp}${ref.slice(1)}`;
    const made: Lot = { epcClass: lgtin(farm.cp, ref, lot), kg: rnd.int(sector.kg[0], sector.kg[1]), madeAt: t };
    object(t, {
      action: 'ADD', quantityList: [kgOf(made)], bizStep: 'commissioning', disposition: 'active', ...at(farm),
      ilmd: {
        'zhuisu:harvestDate': today(), 'zhuisu:origin': rnd.pick(sector.origins), 'zhuisu:product': sector.product,
        'zhuisu:traceCode': `(01)${gtin}${gs1CheckDigit(gtin)}(10)${lot}`,
      },
    });
    onTarget('farmLot', made.epcClass);
    return made;
  }

  function transform(s: number, level: number, proc: Party, group: Lot[], isFinal: boolean): { lot: Lot; items: string[] } {
    const sector = sectorAt(s), mix = sector.mixIn, t = tick(1800, 7200);
    const inputs = group.map((l) => kgOf(l));
    // Only lots made earlier may go in: waves overlap in time, so a pool can already hold lots from the future.
    const mixLot = mix?.level === level ? latestBefore(pool(mix.sector, mix.fromLevel), t) : undefined;
    if (mixLot && inputs.length < 3) inputs.push(kgOf(mixLot, round1(mixLot.kg * 0.1)));
    const older = rnd.chance(0.3) ? pool(s, level - 1).at(-1 - rnd.int(0, POOL_SIZE - 1)) : undefined;
    if (older && older.madeAt < t && inputs.length < 3 && !inputs.some((q) => q.epcClass === older.epcClass)) {
      inputs.push(kgOf(older, round1(older.kg * 0.2)));
    }
    const inKg = inputs.reduce((sum, q) => sum + (q.quantity ?? 0), 0);
    const ref = itemRef(s, level, 1);
    const primary: Lot = { epcClass: lgtin(proc.cp, ref, lotNo()), kg: round1(inKg * (0.55 + rnd.next() * 0.35)), madeAt: t };
    const outputs = [kgOf(primary)];
    if (!isFinal && rnd.chance(0.4)) {
      const byProduct: Lot = { epcClass: lgtin(proc.cp, itemRef(s, level, 2), lotNo()), kg: round1(inKg * 0.1), madeAt: t };
      outputs.push(kgOf(byProduct));
      remember(pool(s, level), byProduct);
    }
    const items = isFinal ? Array.from({ length: sector.items }, () => `urn:epc:id:sgtin:${proc.cp}.${ref}.${++serialSeq}`) : [];
    const made = { outputQuantityList: outputs, ...(items.length > 0 ? { outputEPCList: items } : {}) };
    const ilmd = { 'zhuisu:process': sector.stages[level - 1] ?? '', 'zhuisu:productionDate': today() };
    const tid = rnd.chance(0.3) ? `urn:epc:id:gdti:${proc.cp}.00001.${++docSeq}` : undefined;
    const step = { bizStep: 'commissioning', disposition: 'active', ...at(proc) };
    if (tid && rnd.chance(0.5)) {
      // Long-running production: inputs and outputs are recorded apart and joined by transformationID (EPCIS 2.0 §7.4.6).
      transformation(t, { transformationID: tid, inputQuantityList: inputs, ...step, disposition: 'in_progress' });
      transformation(tick(1800, 7200), { transformationID: tid, ...made, ...step, ilmd });
    } else {
      transformation(t, { ...(tid ? { transformationID: tid } : {}), inputQuantityList: inputs, ...made, ...step, ilmd });
    }
    remember(pool(s, level), primary);
    onTarget(isFinal ? 'retailLot' : 'processorOutput', primary.epcClass);
    if (items[0]) onTarget('retailItem', items[0]);
    return { lot: primary, items };
  }

  function aggregate(action: 'ADD' | 'DELETE', party: Party, pallet: string, load: Load): void {
    add(tick(300, 1800), {
      type: 'AggregationEvent', ...stamp, action, parentID: pallet,
      ...(load.items.length > 0 ? { childEPCs: [...load.items] } : {}),
      ...(load.lots.length > 0 ? { childQuantityList: load.lots.map((q) => ({ ...q })) } : {}),
      bizStep: action === 'ADD' ? 'packing' : 'unpacking', disposition: 'in_progress', ...at(party),
    });
    if (action === 'ADD') onTarget('pallet', pallet);
  }

  function move(pallet: string, from: Party, to: Party): void {
    const po = bt('po', to, 'PO'), desadv = bt('desadv', from, 'DESADV');
    object(tick(600, 3600), {
      action: 'OBSERVE', epcList: [pallet], bizStep: 'shipping', disposition: 'in_transit', readPoint: { id: from.dock },
      bizTransactionList: [po, desadv], ...route(from, to),
    });
    object(tick(3600, 6 * 3600), {
      action: 'OBSERVE', epcList: [pallet], bizStep: 'receiving', disposition: 'in_progress', ...at(to),
      bizTransactionList: [{ ...po }, { ...desadv }], ...route(from, to),
    });
  }

  function sell(pallet: string, from: Party, shop: Party, load: Load): void {
    move(pallet, from, shop);
    if (rnd.chance(0.5)) {
      add(tick(300, 1800), {
        type: 'TransactionEvent', ...stamp, action: 'ADD', bizTransactionList: [bt('po', shop, 'PO'), bt('inv', from, 'INV')],
        parentID: pallet, ...(load.items.length > 0 ? { epcList: [...load.items] } : { quantityList: load.lots.map((q) => ({ ...q })) }),
        bizStep: 'accepting', disposition: 'sellable_accessible', ...at(shop), ...route(from, shop),
      });
    }
    const sold = { bizStep: 'retail_selling', disposition: 'retail_sold', ...at(shop) };
    for (let i = 0, n = rnd.int(1, 4); i < load.items.length; i += n, n = rnd.int(1, 4)) {
      object(tick(120, 3600), { action: 'OBSERVE', epcList: load.items.slice(i, i + n), ...sold });
    }
    for (const q of load.lots) {
      for (let k = rnd.int(2, 4); k > 0; k--) {
        const portion = { epcClass: q.epcClass, quantity: round1(0.5 + rnd.next() * 4), uom: 'KGM' };
        object(tick(120, 3600), { action: 'OBSERVE', quantityList: [portion], ...sold });
      }
    }
  }

  function distribute(proc: Party, load: Load): void {
    const dist = rnd.pick(distributors), pallet = sscc(proc.cp);
    aggregate('ADD', proc, pallet, load);
    move(pallet, proc, dist);
    if (rnd.chance(0.4)) {
      sell(pallet, dist, rnd.pick(retailers), load);
      return;
    }
    aggregate('DELETE', dist, pallet, load);
    const half = Math.ceil(load.items.length / 2);
    const parts: Load[] = load.items.length > 0 && rnd.chance(0.5)
      ? [{ items: load.items.slice(0, half), lots: [] }, { items: load.items.slice(half), lots: [] }]
      : [load];
    for (const part of parts) {
      const repacked = sscc(dist.cp);
      aggregate('ADD', dist, repacked, part);
      sell(repacked, dist, rnd.pick(retailers), part);
    }
  }

  function wave(s: number): void {
    const stages = sectorAt(s).stages.length;
    let current = Array.from({ length: rnd.int(2, 5) }, () => commission(s));
    current.forEach((lot) => remember(pool(s, 0), lot));
    for (let level = 1; level <= stages; level++) {
      const proc = rnd.pick(stageProcessors[s]?.[level - 1] ?? processors);
      const groups = Math.ceil(current.length / 2);
      const next: Lot[] = [];
      for (let g = 0; g < groups; g++) {
        const made = transform(s, level, proc, current.filter((_, i) => i % groups === g), level === stages);
        next.push(made.lot);
        if (level === stages) distribute(proc, made.items.length > 0 ? { items: made.items, lots: [] } : { items: [], lots: [kgOf(made.lot)] });
      }
      current = next;
    }
  }

  let waveStart = (opts.start ?? DEFAULT_START).getTime(), last = -Infinity;
  while (generated < opts.events || queue.nextTime() < Infinity) {
    if (generated < opts.events) {
      clock = waveStart;
      const r = rnd.next();
      wave(SECTOR_WEIGHTS.findIndex((w) => r < w));
      waveStart += rnd.int(60, 1200) * 1000;
    } else waveStart = Infinity;
    // Nothing a later wave makes can come before its start, so everything earlier is final.
    for (let p = queue.pop(); p; p = queue.pop()) {
      if (p.t >= waveStart) { queue.push(p); break; }
      last = Math.max(p.t, last + 1);
      p.event.eventTime = isoAt(last);
      yield p.event;
    }
  }
}

/** Streams a seeded, reproducible supply chain of about `opts.events` EPCIS 2.0 events in eventTime order. */
export function generateSupplyChain(opts: SupplyChainOptions): Generator<EpcisEventJson> {
  return simulate(opts, () => undefined);
}

/** Wraps events into EPCISDocuments of `size` events each, declaring the zhuisu: extension prefix. */
export function* toDocuments(events: Iterable<EpcisEventJson>, size: number): Generator<EpcisDocumentJson> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`document size must be a positive integer, got ${size}`);
  let eventList: EpcisEventJson[] = [];
  const wrap = (list: EpcisEventJson[]): EpcisDocumentJson => ({
    '@context': [EPCIS_CONTEXT, { zhuisu: ZHUISU_NAMESPACE }], type: 'EPCISDocument', schemaVersion: '2.0',
    creationDate: list.at(-1)?.eventTime ?? DEFAULT_START.toISOString(), epcisBody: { eventList: list },
  });
  for (const event of events) {
    eventList.push(event);
    if (eventList.length === size) { yield wrap(eventList); eventList = []; }
  }
  if (eventList.length > 0) yield wrap(eventList);
}

/** Picks `count` distinct ids over the whole chain, round-robin across TraceTargetKind; deterministic per options. */
export function sampleTraceTargets(opts: SupplyChainOptions, count: number): string[] {
  const kinds: TraceTargetKind[] = ['retailLot', 'processorOutput', 'farmLot', 'pallet', 'retailItem'];
  const perKind = Math.ceil(Math.max(0, count) / kinds.length);
  const rnd = createRandom(opts.seed ^ 0x5eed);
  const seen = new Map<TraceTargetKind, number>();
  const picked = new Map<TraceTargetKind, string[]>(kinds.map((k) => [k, []]));
  const events = simulate(opts, (kind, id) => { // reservoir sampling: memory stays flat for any chain size
    const n = (seen.get(kind) ?? 0) + 1, list = picked.get(kind) ?? [];
    seen.set(kind, n);
    if (list.length < perKind) list.push(id);
    else if (rnd.next() * n < perKind) list[Math.floor(rnd.next() * perKind)] = id;
  });
  while (!events.next().done);
  const result: string[] = [];
  for (let i = 0; i < perKind; i++) {
    for (const kind of kinds) {
      const id = picked.get(kind)?.[i];
      if (id !== undefined && result.length < count) result.push(id);
    }
  }
  return result;
}
