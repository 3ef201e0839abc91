import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { audienceOf, type Sight } from '../domain/access/sight.js';
import { recordedStageOf, viewOfEvent, type StageLookup } from '../domain/access/event-view.js';
import type { JsonObject } from '../domain/event.js';
import { BUILT_IN_PROFILES } from '../domain/sectors/index.js';
import type { SectorProfile } from '../domain/sectors/profile.js';
import type { Db } from './db.js';
import { createProfileStore } from './profile-store.js';
import type { Database } from './schema.js';

/**
 * The events a sight may see (domain/access/sight.ts), as a condition on the `event` table for every query that
 * reads events, so that what a principal may not see is never read for it.
 */
export function visibleEvents(sight: Sight): (eb: ExpressionBuilder<Database, 'event'>) => Expression<SqlBool> {
  return (eb) => {
    switch (sight.kind) {
      case 'all':
      case 'public':
        return eb.and([]);
      case 'jurisdiction':
        // Region codes are six digits (checked when the regulator's scope was granted), so the prefix holds no wildcard.
        return eb.and([
          eb('event.region', 'like', `${sight.regionPrefix}%`),
          ...(sight.sectors.length > 0 ? [eb('event.sector', 'in', [...sight.sectors])] : []),
        ]);
      case 'enterprise':
        return eb('event.seq', 'in', eventsNaming(eb, sight.uscc));
    }
  };
}

/**
 * The events a sight may not see: the complement of `visibleEvents`, with events that say no region or sector
 * counted as out of a jurisdiction.
 */
export function hiddenEvents(sight: Sight): (eb: ExpressionBuilder<Database, 'event'>) => Expression<SqlBool> {
  return (eb) => {
    switch (sight.kind) {
      case 'all':
      case 'public':
        return eb.or([]);
      case 'jurisdiction':
        return eb.or([
          eb('event.region', 'is', null),
          eb('event.region', 'not like', `${sight.regionPrefix}%`),
          ...(sight.sectors.length > 0 ? [eb('event.sector', 'is', null), eb('event.sector', 'not in', [...sight.sectors])] : []),
        ]);
      case 'enterprise':
        return eb('event.seq', 'not in', eventsNaming(eb, sight.uscc));
    }
  };
}

function eventsNaming(eb: ExpressionBuilder<Database, 'event'>, uscc: string) {
  return eb.selectFrom('eventParty').select('eventParty.eventSeq').where('eventParty.party', '=', uscc);
}

/**
 * The capture jobs a sight may read: an enterprise those it sent, the platform every one. A job reports on the
 * document sent, not on the ledger, so a regulator reads the events instead.
 */
export function visibleJobs(sight: Sight): (eb: ExpressionBuilder<Database, 'captureJob'>) => Expression<SqlBool> {
  return (eb) => {
    switch (sight.kind) {
      case 'all':
        return eb.and([]);
      case 'enterprise':
        return eb('captureJob.capturedBy', '=', sight.uscc);
      case 'jurisdiction':
      case 'public':
        return eb.or([]);
    }
  };
}

/** The alerts a sight may read: a regulator those of enterprises registered in its region, of its sectors. */
export function visibleAlerts(sight: Sight): (eb: ExpressionBuilder<Database, 'alert'>) => Expression<SqlBool> {
  return (eb) => supervised(eb, sight, eb.ref('alert.party'), eb.ref('alert.sector'));
}

/** The quotas a sight may read: an enterprise its own, a regulator those of its region and sectors. */
export function visibleQuotas(sight: Sight): (eb: ExpressionBuilder<Database, 'quota'>) => Expression<SqlBool> {
  return (eb) => supervised(eb, sight, eb.ref('quota.party'), eb.ref('quota.sector'));
}

// Supervision data (alerts, quotas) concern one enterprise and one sector; a jurisdiction is the enterprise's
// registered region.
function supervised<T extends keyof Database>(eb: ExpressionBuilder<Database, T>, sight: Sight, party: Expression<string | null>, sector: Expression<string>): Expression<SqlBool> {
  switch (sight.kind) {
    case 'all':
      return eb.and([]);
    case 'public':
      return eb.or([]);
    case 'enterprise':
      return eb(party, '=', sight.uscc);
    case 'jurisdiction':
      return eb.and([
        sql<SqlBool>`${party} in (select uscc from party where region like ${`${sight.regionPrefix}%`})`,
        ...(sight.sectors.length > 0 ? [eb(sector, 'in', [...sight.sectors])] : []),
      ]);
  }
}

/**
 * The inspection requests a sight may read: the inspection body asked and the enterprise that asked read theirs, a
 * regulator those it made itself (`askedBy`, its user or token id), the platform every one.
 */
export function visibleInspectionRequests(sight: Sight, askedBy: string): (eb: ExpressionBuilder<Database, 'inspectionRequest'>) => Expression<SqlBool> {
  return (eb) => {
    switch (sight.kind) {
      case 'all':
        return eb.and([]);
      case 'enterprise':
        return eb.or([eb('inspectionRequest.inspector', '=', sight.uscc), eb('inspectionRequest.requestedFor', '=', sight.uscc)]);
      case 'jurisdiction':
        return eb('inspectionRequest.requestedBy', '=', askedBy);
      case 'public':
        return eb.or([]);
    }
  };
}

/** The issues of trace codes whose labels a sight may print: an enterprise its own, the platform every one. */
export function visibleCodeIssues(sight: Sight): (eb: ExpressionBuilder<Database, 'codeIssue'>) => Expression<SqlBool> {
  return (eb) => (sight.kind === 'all' ? eb.and([]) : sight.kind === 'enterprise' ? eb('codeIssue.issuedBy', '=', sight.uscc) : eb.or([]));
}

/** A stored event's columns that its view needs. */
export interface EventViewRow {
  body: string;
  namespaces: string;
  recorder: string | null;
}

/** The same, read: what `EventViews.view` takes. */
export interface ReadEvent {
  body: JsonObject;
  namespaces: Record<string, string>;
  recorder: string | null;
}

export function readEventRow(row: EventViewRow): ReadEvent {
  return { body: JSON.parse(row.body), namespaces: JSON.parse(row.namespaces), recorder: row.recorder };
}

// One per database: the stores of every request share the profiles read, instead of reading them per trace.
const viewsByDb = new WeakMap<Db, EventViews>();

/**
 * Reads events as a sight may: each body with only the fields its audience may read (domain/access/event-view.ts),
 * looking up the data elements' classes in the sector profiles, built-in and registered.
 */
export function eventViewsOf(db: Db): EventViews {
  let views = viewsByDb.get(db);
  if (!views) {
    views = createEventViews(db);
    viewsByDb.set(db, views);
  }
  return views;
}

function createEventViews(db: Db) {
  const profiles = createProfileStore(db, { now: () => new Date() });
  let known: Map<string, SectorProfile> | undefined;
  // Versions that events name but no profile had at the last reading: an event captured with made-up sector fields
  // must not make every later query read the profiles again.
  let missing = new Set<string>();
  const key = (sector: string, version: number) => `${sector}@${version}`;
  const load = async () => {
    known = new Map([...BUILT_IN_PROFILES, ...(await profiles.all())].map((p) => [key(p.id, p.version), p]));
    missing = new Set();
    return known;
  };

  return {
    async view(events: readonly ReadEvent[], sight: Sight): Promise<JsonObject[]> {
      if (sight.kind === 'all') return events.map((e) => e.body);
      let byVersion = known ?? (await load());
      // A version registered since the profiles were read: read them again, once.
      const wanted = events.flatMap((e) => {
        const recorded = recordedStageOf(e.body, e.namespaces);
        return recorded ? [key(recorded.sector, recorded.profileVersion)] : [];
      });
      if (wanted.some((k) => !byVersion.has(k) && !missing.has(k))) {
        byVersion = await load();
        for (const k of wanted) if (!byVersion.has(k)) missing.add(k);
      }
      const stageOf: StageLookup = (sector, version, stage) => byVersion.get(key(sector, version))?.stages.find((s) => s.id === stage);
      return events.map((e) => viewOfEvent(e.body, e.namespaces, audienceOf(sight, e.recorder), stageOf));
    },
  };
}

export type EventViews = ReturnType<typeof createEventViews>;
