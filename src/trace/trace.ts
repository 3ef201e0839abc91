import { isPartial, mayTraceForward, type Sight } from '../domain/access/sight.js';
import { DomainError } from '../domain/errors.js';
import { isObject } from '../domain/event.js';
import { toDigitalLink } from '../domain/ids/digital-link.js';
import { formatTraceCode } from '../domain/ids/trace-code.js';
import { parseUnitId } from '../domain/ids/unit-id.js';
import type { EventSummaryRow, PartyRow, TraceStore } from '../store/trace-store.js';
import type { Receipt, TraceDirection, TraceEvent, TraceLocation, TraceNode, TraceParty, TraceResult, TraceVisibility } from './trace-result.js';
import { newWalkState, walk, type Carried, type WalkState } from './walk.js';

const CODE_URI_PREFIX = 'urn:zhuisu:code:';
const PARTY_TYPES = new Set(['owning_party', 'possessing_party']);

/**
 * The read side of the ledger: backward (溯源) and forward (追踪) traces from any spelling of a unit's id, each
 * walked over the events its caller may see (`storeFor(sight)`), stopping where the sight ends and saying so.
 */
export function createTrace(deps: { storeFor: (sight: Sight) => TraceStore }) {
  return {
    async trace(id: string, opts: { direction: TraceDirection; sight: Sight; maxDepth?: number; maxEvents?: number }): Promise<TraceResult> {
      const { sight } = opts;
      if (opts.direction === 'forward' && !mayTraceForward(sight)) {
        throw new DomainError('unauthorized', '查询产品去向须登录 / sign in to trace where products went; the public may trace a product back to its origin (direction=backward)');
      }
      const store = deps.storeFor(sight);
      const root = parseUnitId(id).canonical;
      const limits = { maxDepth: opts.maxDepth ?? 64, maxEvents: opts.maxEvents ?? 20_000 };
      const state = newWalkState();
      if (opts.direction !== 'forward') await walk(store, root, 'backward', state, limits);
      const forwardWithheld = opts.direction === 'both' && !mayTraceForward(sight);
      if (opts.direction !== 'backward' && !forwardWithheld) await walk(store, root, 'forward', state, limits);
      if (state.custody.size === 0 && state.edges.size === 0 && !(await store.isKnown(root))) {
        const reason = isPartial(sight) ? `没有您可查看的事件记载${id} / no event that you may see names ${id}` : `no event in this ledger names ${id}`;
        throw new DomainError('unit_not_found', reason, { id });
      }
      return assemble(store, root, opts.direction, state, { sight: sight.kind, outOfSight: [...state.outOfSight], forwardWithheld });
    },

    /**
     * The events of a backward trace, oldest first, each as `sight` may read it (its body is the sight's view), and the
     * units walked: what a product's story is told from. An id no event names gives no events, not an error.
     */
    async backwardEvents(id: string, opts: { sight: Sight; maxEvents?: number }): Promise<{ root: string; units: string[]; events: EventSummaryRow[] }> {
      const store = deps.storeFor(opts.sight);
      const root = parseUnitId(id).canonical;
      const state = newWalkState();
      await walk(store, root, 'backward', state, { maxDepth: 64, maxEvents: opts.maxEvents ?? 2_000 });
      const events = (await store.eventsBySeq([...state.custody.keys()])).sort(byTime);
      return { root, units: [...state.units], events };
    },
  };
}

export type Trace = ReturnType<typeof createTrace>;

async function assemble(store: TraceStore, root: string, direction: TraceDirection, state: WalkState, visibility: TraceVisibility): Promise<TraceResult> {
  const seqs = new Set(state.custody.keys());
  for (const { eventSeq } of state.edges.values()) if (eventSeq !== undefined) seqs.add(eventSeq);
  const rows = (await store.eventsBySeq([...seqs])).sort(byTime);
  const partiesBySeq = new Map<number, PartyRow[]>();
  for (const p of await store.partiesOf([...seqs])) partiesBySeq.set(p.eventSeq, [...(partiesBySeq.get(p.eventSeq) ?? []), p]);
  const eventIdBySeq = new Map(rows.map((r) => [r.seq, r.eventId]));

  const parties = new Map<string, TraceParty>();
  const locations = new Map<string, TraceLocation>();
  const events = rows.map((row) => {
    const carried = state.custody.get(row.seq) ?? [];
    const rowParties = partiesBySeq.get(row.seq) ?? [];
    const event = toTraceEvent(row, carried, rowParties);
    const receipts = carried.map((c): Receipt => ({
      unit: c.unit, quantity: c.quantity, ...(c.uom ? { uom: c.uom } : {}), eventId: row.eventId, eventTime: row.eventTime, ...(row.bizStep ? { bizStep: row.bizStep } : {}),
    }));
    for (const p of rowParties) {
      const isLocation = p.type === 'location';
      const entry = entryFor(isLocation ? locations : parties, p.party);
      addRole(entry, isLocation ? p.direction : `${p.direction}:${p.type}`);
      if (p.direction === 'destination' && (isLocation || PARTY_TYPES.has(p.type))) entry.received.push(...receipts);
    }
    if (row.readPoint) addRole(entryFor(locations, row.readPoint), 'readPoint');
    if (row.bizLocation) addRole(entryFor(locations, row.bizLocation), 'bizLocation');
    return event;
  });

  return {
    root,
    direction,
    nodes: [...state.units].map(toNode),
    edges: [...state.edges.values()].map(({ edge, eventSeq }) => {
      const eventId = eventSeq === undefined ? undefined : eventIdBySeq.get(eventSeq);
      return eventId ? { ...edge, eventId } : edge;
    }),
    parties: [...parties.values()].map(countEachDeliveryOnce),
    locations: [...locations.values()].map(countEachDeliveryOnce),
    events,
    truncated: state.truncated,
    visibility,
  };
}

function byTime(a: EventSummaryRow, b: EventSummaryRow): number {
  return a.eventTime === b.eventTime ? a.seq - b.seq : a.eventTime < b.eventTime ? -1 : 1;
}

const ARRIVAL_STEPS = new Set(['receiving', 'accepting', 'arriving']);

/**
 * A shipment usually shows up twice for its receiver: the sender's shipping event and the receiver's receiving event,
 * both naming it as destination. A receipt consumes the latest earlier shipment of the same amount of the same unit,
 * so each delivery is counted once; shipments never confirmed stay listed (still in transit).
 */
function countEachDeliveryOnce<T extends { received: Receipt[] }>(holder: T): T {
  const kept: Receipt[] = [];
  for (const r of holder.received) {
    if (r.bizStep && ARRIVAL_STEPS.has(r.bizStep)) {
      const shipped = kept.findLastIndex((k) => !(k.bizStep && ARRIVAL_STEPS.has(k.bizStep)) && k.unit === r.unit && k.quantity === r.quantity && k.uom === r.uom);
      if (shipped >= 0) kept.splice(shipped, 1);
    }
    kept.push(r);
  }
  return { ...holder, received: kept };
}

function toTraceEvent(row: EventSummaryRow, carried: Carried[], parties: PartyRow[]): TraceEvent {
  const list = Array.isArray(row.body.bizTransactionList) ? row.body.bizTransactionList : [];
  const event: TraceEvent = {
    eventId: row.eventId,
    eventType: row.eventType,
    eventTime: row.eventTime,
    eventTimeZoneOffset: row.eventTimeZoneOffset,
    units: carried.map((c) => ({ id: c.unit, role: c.via ? 'contained' : 'named', ...(c.quantity !== undefined ? { quantity: c.quantity } : {}), ...(c.uom ? { uom: c.uom } : {}) })),
    via: [...new Set(carried.flatMap((c) => (c.via ? [c.via] : [])))],
    sources: parties.filter((p) => p.direction === 'source').map((p) => ({ type: p.type, id: p.party })),
    destinations: parties.filter((p) => p.direction === 'destination').map((p) => ({ type: p.type, id: p.party })),
    bizTransactions: list.flatMap((t: unknown) =>
      isObject(t) && typeof t.bizTransaction === 'string' ? [typeof t.type === 'string' ? { type: t.type, id: t.bizTransaction } : { id: t.bizTransaction }] : []),
  };
  if (row.recorder) event.recordedBy = row.recorder;
  if (row.action) event.action = row.action;
  if (row.bizStep) event.bizStep = row.bizStep;
  if (row.disposition) event.disposition = row.disposition;
  if (row.readPoint) event.readPoint = row.readPoint;
  if (row.bizLocation) event.bizLocation = row.bizLocation;
  return event;
}

function toNode(id: string): TraceNode {
  const identifiers = [id];
  if (id.startsWith(CODE_URI_PREFIX)) identifiers.push(formatTraceCode(id.slice(CODE_URI_PREFIX.length)));
  const link = toDigitalLink(id);
  if (link) identifiers.push(link);
  return { id, kind: parseUnitId(id).kind, identifiers };
}

function entryFor(map: Map<string, TraceParty | TraceLocation>, id: string): TraceParty | TraceLocation {
  let entry = map.get(id);
  if (!entry) {
    entry = { id, roles: [], received: [] };
    map.set(id, entry);
  }
  return entry;
}

function addRole(entry: { roles: string[] }, role: string): void {
  if (!entry.roles.includes(role)) entry.roles.push(role);
}
