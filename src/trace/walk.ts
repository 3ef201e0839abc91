import type { Appearance, TraceStore } from '../store/trace-store.js';
import type { TraceEdge } from './trace-result.js';

/** A traced unit that an event applies to, with the quantity the event moved of it. */
export interface Carried {
  unit: string;
  /** Absent where the reader may not see quantities (the public) or the event gave none. */
  quantity?: number;
  uom?: string;
  /** The container the event named, when the unit was inside it. */
  via?: string;
}

export interface FoundEdge {
  edge: Omit<TraceEdge, 'eventId'>;
  eventSeq?: number;
}

/** What the walks found: units, how they connect, and which events apply to which units. */
export interface WalkState {
  units: Set<string>;
  edges: Map<string, FoundEdge>;
  /** event seq → the traced units it applies to. */
  custody: Map<number, Carried[]>;
  truncated: boolean;
  /** Units that events out of the reader's sight name too: their chain goes on beyond what the trace shows. */
  outOfSight: Set<string>;
}

export interface WalkLimits {
  maxDepth: number;
  maxEvents: number;
}

/** A stay of a unit in a container: from its ADD until a DELETE, bounded by any outer stay. */
interface Stay {
  unit: string;
  /** What was put into the container: the unit itself, or the inner container holding it. */
  child: string;
  container: string;
  from: string;
  until: string;
  quantity?: number;
  uom?: string;
}

const END_OF_TIME = '9999-12-31T23:59:59.999Z';

export function newWalkState(): WalkState {
  return { units: new Set(), edges: new Map(), custody: new Map(), truncated: false, outOfSight: new Set() };
}

/**
 * Walks the ledger from `root` one level per round trip: backward from TransformationEvent outputs to inputs and
 * from containers to their contents, forward from inputs to outputs and from lots to their coded items. Either way a
 * unit carries the history of every container it sat in while it sat there. Visited sets keep cycles finite.
 */
export async function walk(store: TraceStore, root: string, direction: 'backward' | 'forward', state: WalkState, limits: WalkLimits): Promise<void> {
  const [near, far] = direction === 'backward' ? (['output', 'input'] as const) : (['input', 'output'] as const);
  const visited = new Set([root]);
  let frontier = [root];
  for (let depth = 0; frontier.length > 0; depth++) {
    for (const unit of frontier) state.units.add(unit);
    if (depth >= limits.maxDepth || state.custody.size >= limits.maxEvents) {
      state.truncated = true;
      return;
    }
    const next: string[] = [];
    const reach = (unit: string) => {
      if (visited.has(unit)) return;
      visited.add(unit);
      next.push(unit);
    };

    const appearances = await store.appearancesOf(frontier);
    for (const unit of await store.namedOutOfSight(frontier)) state.outOfSight.add(unit);
    const toOpen = new Set<number>();
    for (const a of appearances) {
      // A transformation that consumed an ancestor into something else is a sibling branch, not this unit's history.
      if (a.role === far) continue;
      addCustody(state, a.eventSeq, { unit: a.epc, ...amount(a) });
      if (a.eventType === 'TransformationEvent' && a.role === near) toOpen.add(a.eventSeq);
      if (a.eventType === 'AggregationEvent' && (a.role === 'child' || (direction === 'backward' && a.role === 'parent'))) toOpen.add(a.eventSeq);
    }

    const opened = groupBySeq(await store.identifiersOf([...toOpen]));
    // EPCIS 2.0 §7.4.6: TransformationEvents with one transformationID are one transformation, even when inputs
    // and outputs were recorded at different times.
    const transformationIds = [...new Set(appearances.flatMap((a) => (a.transformationId && toOpen.has(a.eventSeq) ? [a.transformationId] : [])))];
    const transformations = groupBy(await store.identifiersOfTransformations(transformationIds), (a) => a.transformationId);
    const stays: Stay[] = [];
    for (const a of appearances) {
      const others = (a.transformationId && transformations.get(a.transformationId)) || opened.get(a.eventSeq);
      if (!others || a.role === far) continue;
      if (a.eventType === 'TransformationEvent') {
        for (const o of others.filter((x) => x.role === far)) {
          const [from, to] = direction === 'backward' ? [o.epc, a.epc] : [a.epc, o.epc];
          addEdge(state, { from, to, type: 'transformation' }, o.eventSeq);
          reach(o.epc);
        }
      } else if (a.role === 'parent' && a.action !== 'DELETE') {
        for (const child of others.filter((x) => x.role === 'child')) {
          addEdge(state, { from: child.epc, to: a.epc, type: 'aggregation' }, a.eventSeq);
          addCustody(state, a.eventSeq, { unit: child.epc, ...amount(child) });
          reach(child.epc);
        }
      } else if (a.role === 'child' && a.action !== 'DELETE') {
        const parent = others.find((x) => x.role === 'parent');
        if (!parent || parent.epc === a.epc) continue;
        addEdge(state, { from: a.epc, to: parent.epc, type: 'aggregation' }, a.eventSeq);
        stays.push({ unit: a.epc, child: a.epc, container: parent.epc, from: a.eventTime, until: removalTime(appearances, a), ...amount(a) });
      }
    }
    await followContainers(store, state, stays, limits);

    const codes = direction === 'backward' ? await store.codesForUnits(frontier) : await store.recordedCodesOfLots(frontier);
    for (const code of codes) {
      if (!code.lotId) continue;
      addEdge(state, { from: code.lotId, to: code.unitId, type: 'member' });
      reach(direction === 'backward' ? code.lotId : code.unitId);
    }
    frontier = next;
  }
}

/** Applies each container's events during each stay to the unit inside, following containers inside containers. */
async function followContainers(store: TraceStore, state: WalkState, stays: Stay[], limits: WalkLimits): Promise<void> {
  let pending = stays;
  for (let depth = 0; pending.length > 0; depth++) {
    if (depth >= limits.maxDepth || state.custody.size >= limits.maxEvents) {
      state.truncated = true;
      return;
    }
    for (const stay of pending) state.units.add(stay.container);
    const containers = [...new Set(pending.map((s) => s.container))];
    const history = groupBy(await store.appearancesOf(containers), (a) => a.epc);
    for (const container of await store.namedOutOfSight(containers)) state.outOfSight.add(container);
    const deleteSeqs = [...history.values()].flat().filter((a) => a.role === 'parent' && a.action === 'DELETE').map((a) => a.eventSeq);
    const deletes = groupBySeq(await store.identifiersOf(deleteSeqs));

    const outer: Array<{ stay: Stay; addedBy: number; at: string; until: string }> = [];
    for (const stay of pending) {
      const events = history.get(stay.container) ?? [];
      const until = events
        .filter((a) => a.role === 'parent' && a.action === 'DELETE' && a.eventTime > stay.from && a.eventTime < stay.until)
        .filter((a) => {
          const children = (deletes.get(a.eventSeq) ?? []).filter((o) => o.role === 'child');
          // EPCIS 2.0 §7.4.3: a DELETE that lists no children empties the container.
          return children.length === 0 || children.some((o) => o.epc === stay.child);
        })
        .reduce((end, a) => (a.eventTime < end ? a.eventTime : end), stay.until);
      for (const a of events) {
        if (a.eventTime < stay.from || a.eventTime > until) continue;
        if (a.role === 'object' || a.role === 'parent') {
          addCustody(state, a.eventSeq, { unit: stay.unit, ...(stay.quantity !== undefined ? { quantity: stay.quantity } : {}), ...(stay.uom ? { uom: stay.uom } : {}), via: stay.container });
        } else if (a.role === 'child' && a.action !== 'DELETE' && a.eventType === 'AggregationEvent') {
          outer.push({ stay, addedBy: a.eventSeq, at: a.eventTime, until });
        }
      }
    }
    const parents = groupBySeq(await store.identifiersOf(outer.map((o) => o.addedBy)));
    pending = outer.flatMap(({ stay, addedBy, at, until }) => {
      const parent = (parents.get(addedBy) ?? []).find((o) => o.role === 'parent');
      if (!parent || parent.epc === stay.container || parent.epc === stay.unit) return [];
      addEdge(state, { from: stay.container, to: parent.epc, type: 'aggregation' }, addedBy);
      return [{ ...stay, child: stay.container, container: parent.epc, from: at, until }];
    });
  }
}

function removalTime(appearances: Appearance[], added: Appearance): string {
  const removal = appearances.find((a) => a.epc === added.epc && a.role === 'child' && a.action === 'DELETE' && a.eventTime > added.eventTime);
  return removal?.eventTime ?? END_OF_TIME;
}

function amount(a: Appearance): { quantity?: number; uom?: string } {
  if (!a.isClass) return { quantity: 1 };
  if (a.quantity === null) return {};
  return a.uom ? { quantity: a.quantity, uom: a.uom } : { quantity: a.quantity };
}

function addCustody(state: WalkState, seq: number, carried: Carried): void {
  const list = state.custody.get(seq);
  if (!list) state.custody.set(seq, [carried]);
  else if (!list.some((x) => x.unit === carried.unit)) list.push(carried);
}

function addEdge(state: WalkState, edge: Omit<TraceEdge, 'eventId'>, eventSeq?: number): void {
  const key = `${edge.type}|${edge.from}|${edge.to}|${eventSeq ?? ''}`;
  if (!state.edges.has(key)) state.edges.set(key, eventSeq === undefined ? { edge } : { edge, eventSeq });
}

function groupBySeq(rows: Appearance[]): Map<number, Appearance[]> {
  return groupBy(rows, (r) => r.eventSeq);
}

function groupBy<K, T>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
