/** The answer of GET /api/v1/trace/{id} (TraceView in docs/openapi.json). */
export interface TraceView {
  root: string;
  direction: string;
  nodes: Array<{ id: string; kind: string; identifiers: string[] }>;
  edges: Array<{ from: string; to: string; type: string; eventId?: string }>;
  parties: Array<{ id: string; roles: string[] }>;
  locations: Array<{ id: string; roles: string[] }>;
  events: TraceEvent[];
  truncated: boolean;
  visibility: { sight: 'all' | 'jurisdiction' | 'enterprise' | 'public'; outOfSight: string[]; forwardWithheld: boolean };
}

export interface TraceEvent {
  eventId: string;
  eventType: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordedBy?: string;
  action?: string;
  bizStep?: string;
  disposition?: string;
  bizLocation?: string;
  units: Array<{ id: string; role: string; quantity?: number; uom?: string }>;
}

/** The event's time as it was written where it happened (its own offset), to the minute. */
export function localEventTime(event: Pick<TraceEvent, 'eventTime' | 'eventTimeZoneOffset'>): string {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(event.eventTimeZoneOffset);
  const instant = Date.parse(event.eventTime);
  if (!match || Number.isNaN(instant)) return event.eventTime;
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  return `${new Date(instant + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ')} (${event.eventTimeZoneOffset})`;
}

/** The readable tail of a unit id: the lot number of a lot URI, the code of an item. */
export function shortUnit(id: string): string {
  const tail = id.split(':').pop() ?? id;
  return tail.length > 24 ? `…${tail.slice(-22)}` : tail;
}
