import type { Sight } from '../domain/access/sight.js';
import type { UnitKind } from '../domain/ids/unit-id.js';

export type TraceDirection = 'backward' | 'forward' | 'both';

export interface TraceNode {
  id: string;
  kind: UnitKind;
  /** Every spelling of the unit: canonical EPC URI, GS1 Digital Link, trace code. */
  identifiers: string[];
}

/** `from` went into, was packed into, or is the lot of `to`. */
export interface TraceEdge {
  from: string;
  to: string;
  type: 'transformation' | 'aggregation' | 'member';
  eventId?: string;
}

export interface Receipt {
  unit: string;
  quantity?: number;
  uom?: string;
  eventId: string;
  eventTime: string;
  bizStep?: string;
}

export interface TraceParty {
  id: string;
  /** `direction:type`, e.g. `destination:owning_party`. */
  roles: string[];
  received: Receipt[];
}

export interface TraceLocation {
  id: string;
  /** readPoint, bizLocation, source or destination. */
  roles: string[];
  received: Receipt[];
}

export interface TraceEventUnit {
  id: string;
  role: string;
  quantity?: number;
  uom?: string;
}

export interface TraceEvent {
  eventId: string;
  eventType: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  /** USCC of the enterprise that recorded the event (责任可究). */
  recordedBy?: string;
  action?: string;
  bizStep?: string;
  disposition?: string;
  readPoint?: string;
  bizLocation?: string;
  /** Traced units this event applies to, directly or because it moved a container holding them. */
  units: TraceEventUnit[];
  /** Containers the event named that held traced units at the time. */
  via: string[];
  sources: Array<{ type: string; id: string }>;
  destinations: Array<{ type: string; id: string }>;
  bizTransactions: Array<{ type?: string; id: string }>;
}

export interface TraceResult {
  root: string;
  direction: TraceDirection;
  nodes: TraceNode[];
  edges: TraceEdge[];
  parties: TraceParty[];
  locations: TraceLocation[];
  events: TraceEvent[];
  /** True when the walk stopped at its event limit; what is listed is correct but not complete. */
  truncated: boolean;
  visibility: TraceVisibility;
}

/** How the caller's sight (domain/access/sight.ts) bounded the trace. */
export interface TraceVisibility {
  sight: Sight['kind'];
  /** Units that events the caller may not see name too: the chain goes on beyond them, out of the caller's sight. */
  outOfSight: string[];
  /** The forward half of a `both` trace, left out for the public: where products went names customers. */
  forwardWithheld: boolean;
}

/** A quantity as a person reads it (`5 KGM`), or nothing when the reader may not see it or the event gave none. */
export function formatAmount(amount: { quantity?: number; uom?: string }): string {
  if (amount.quantity === undefined) return '';
  return amount.uom ? `${amount.quantity} ${amount.uom}` : String(amount.quantity);
}
