import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { EpcMatch, EventQuery } from '../domain/event-query.js';
import { eventKeyOf } from './event-rows.js';
import type { Database } from './schema.js';

type EventExpressions = ExpressionBuilder<Database, 'event'>;

// EPCIS 2.0 §8.2.7.1: which fields each MATCH_ parameter looks in.
const MATCH_ROLES = {
  matchEpc: { roles: ['object', 'child'], isClass: 0 },
  matchAnyEpc: { roles: ['object', 'child', 'parent', 'input', 'output'], isClass: 0 },
  matchParentId: { roles: ['parent'], isClass: 0 },
  matchInputEpc: { roles: ['input'], isClass: 0 },
  matchOutputEpc: { roles: ['output'], isClass: 0 },
  matchEpcClass: { roles: ['object', 'child'], isClass: 1 },
  matchAnyEpcClass: { roles: ['object', 'child', 'input', 'output'], isClass: 1 },
} as const;

/** The WHERE clause of an EPCIS event query, for use in `selectFrom('event').where(...)`. */
export function eventQueryFilter(query: EventQuery): (eb: EventExpressions) => Expression<SqlBool> {
  return (eb) => {
    const conditions: Expression<SqlBool>[] = [];
    if (query.eventTypes) conditions.push(eb('event.eventType', 'in', query.eventTypes));
    if (query.geEventTime) conditions.push(eb('event.eventTime', '>=', query.geEventTime));
    if (query.ltEventTime) conditions.push(eb('event.eventTime', '<', query.ltEventTime));
    if (query.geRecordTime) conditions.push(eb('event.recordTime', '>=', query.geRecordTime));
    if (query.ltRecordTime) conditions.push(eb('event.recordTime', '<', query.ltRecordTime));
    if (query.bizSteps) conditions.push(eb('event.bizStep', 'in', query.bizSteps));
    if (query.dispositions) conditions.push(eb('event.disposition', 'in', query.dispositions));
    if (query.actions) conditions.push(eb('event.action', 'in', query.actions));
    if (query.readPoints) conditions.push(eb('event.readPoint', 'in', query.readPoints));
    if (query.bizLocations) conditions.push(eb('event.bizLocation', 'in', query.bizLocations));
    if (query.eventIds) {
      conditions.push(eb('event.eventKey', 'in', query.eventIds.map(eventKeyOf)), eb('event.eventId', 'in', query.eventIds));
    }
    if (query.afterSeq !== undefined) conditions.push(eb('event.seq', '>', query.afterSeq));
    for (const key of Object.keys(MATCH_ROLES) as Array<keyof typeof MATCH_ROLES>) {
      const matches = query[key];
      if (!matches) continue;
      const { roles, isClass } = MATCH_ROLES[key];
      // Searched from the identifier side: event_epc is keyed by epc, so this is a range scan per id or pattern.
      conditions.push(
        eb(
          'event.seq',
          'in',
          eb
            .selectFrom('eventEpc')
            .select('eventEpc.eventSeq')
            .where('eventEpc.role', 'in', [...roles])
            .where('eventEpc.isClass', '=', isClass)
            .where((inner) => epcMatchesAny(inner, matches)),
        ),
      );
    }
    return eb.and(conditions);
  };
}

/**
 * Exact ids as one IN list, patterns as ranges joined by OR in a balanced tree: SQLite parses `a OR b OR c …` into
 * a tree as deep as the list is long and refuses one deeper than 1,000, which a query of many alternatives reached.
 */
function epcMatchesAny(eb: ExpressionBuilder<Database, 'eventEpc'>, matches: readonly EpcMatch[]): Expression<SqlBool> {
  const exact = matches.flatMap((m) => ('exact' in m ? [m.exact] : []));
  const ranges = matches.flatMap((m) => ('prefix' in m ? [eb.and([eb('eventEpc.epc', '>=', m.prefix), eb('eventEpc.epc', '<', `${m.prefix}\uffff`)])] : []));
  return balancedOr(eb, [...(exact.length > 0 ? [eb('eventEpc.epc', 'in', exact)] : []), ...ranges]);
}

function balancedOr(eb: ExpressionBuilder<Database, 'eventEpc'>, conditions: Array<Expression<SqlBool>>): Expression<SqlBool> {
  if (conditions.length <= 8) return eb.or(conditions);
  const half = Math.ceil(conditions.length / 2);
  return eb.or([balancedOr(eb, conditions.slice(0, half)), balancedOr(eb, conditions.slice(half))]);
}
