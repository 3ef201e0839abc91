import type { LedgerEvent } from '../event.js';
import { recordFieldOf, usccOfPartyUri } from '../sectors/record-events.js';

/**
 * Whom an event concerns, stored beside it so that the store can answer "may this principal see it" in SQL
 * (sight.ts): the enterprise that recorded it, where and in which sector, and every enterprise it names.
 */
export interface EventScope {
  /** USCC of the enterprise that recorded the event (追溯主体); null when the platform recorded it for no one. */
  recorder: string | null;
  /** GB/T 2260 code of where it happened. */
  region: string | null;
  sector: string | null;
  /** The recorder and every enterprise named as source, destination or counterpart, each once. */
  parties: string[];
}

/**
 * The scope an event declares itself: a sector record's `zhuisu:` fields, and the enterprises of its source and
 * destination lists. Who sent it may overrule the recorder (`recordedBy`).
 */
export function eventScopeOf(event: Pick<LedgerEvent, 'body' | 'namespaces' | 'parties'>): EventScope {
  const field = (name: 'party' | 'region' | 'sector' | 'counterpart') => recordFieldOf(event.body, event.namespaces, name) ?? null;
  const recorder = field('party');
  const named = event.parties.map((p) => (p.type === 'location' ? undefined : usccOfPartyUri(p.party)));
  const counterpart = field('counterpart');
  return {
    recorder,
    region: field('region'),
    sector: field('sector'),
    parties: distinct([recorder, counterpart, ...named]),
  };
}

/** The scope of an event sent by an enterprise: that enterprise recorded it, whatever the document says. */
export function recordedBy(scope: EventScope, uscc: string): EventScope {
  return { ...scope, recorder: uscc, parties: distinct([uscc, ...scope.parties]) };
}

function distinct(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}
