import type { Principal } from './principal.js';

/**
 * What part of the ledger a principal sees (R-23, R-29). The rules of visibility live here and in `event-view.ts`;
 * the store turns a sight into the WHERE clause of its queries (store/visible-events.ts), so that nothing a
 * principal may not see is ever read for it.
 *
 * - `all`: the platform administrator.
 * - `jurisdiction`: a regulator sees every event of its region (a GB/T 2260 prefix: a province sees its cities and
 *   counties) and of its sectors (none listed: every sector), whoever recorded it, and may trace without limit there.
 * - `enterprise`: an enterprise sees the events it recorded and, of others' events, those naming it as source or
 *   destination: one step up and one step down its chain.
 * - `public`: anyone sees the public fields of the events in a unit's history (backward), never where units went.
 */
export type Sight =
  | { kind: 'all' }
  | { kind: 'jurisdiction'; regionPrefix: string; sectors: readonly string[] }
  | { kind: 'enterprise'; uscc: string }
  | { kind: 'public' };

export const SEES_ALL: Sight = Object.freeze({ kind: 'all' });
export const PUBLIC_SIGHT: Sight = Object.freeze({ kind: 'public' });

/** The prefix of a GB/T 2260 code that its subordinate regions share: 460000 → 46, 460100 → 4601, 460105 → 460105. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function sightOf(principal: Principal): Sight {
  switch (principal.role) {
    case 'platform_admin':
      return SEES_ALL;
    case 'regulator':
      return principal.region ? { kind: 'jurisdiction', regionPrefix: regionPrefix(principal.region), sectors: principal.sectors } : PUBLIC_SIGHT;
    case 'enterprise_admin':
    case 'enterprise_operator':
    case 'inspection_body':
      return principal.enterprise ? { kind: 'enterprise', uscc: principal.enterprise } : PUBLIC_SIGHT;
    case 'public':
      return PUBLIC_SIGHT;
  }
}

/**
 * Whose eyes read one visible event, which decides its fields (event-view.ts): the recording enterprise and the
 * platform (`owner`), a supervising department (`regulator`), an enterprise the event names as source or destination
 * (`party`), anyone (`public`).
 */
export type Audience = 'owner' | 'regulator' | 'party' | 'public';

export function audienceOf(sight: Sight, recorder: string | null): Audience {
  switch (sight.kind) {
    case 'all':
      return 'owner';
    case 'jurisdiction':
      return 'regulator';
    case 'enterprise':
      return recorder === sight.uscc ? 'owner' : 'party';
    case 'public':
      return 'public';
  }
}

/** Whether a sight oversees an enterprise of `region` in `sector`: what a regulator may set (a quota) for it. */
export function oversees(sight: Sight, region: string, sector: string): boolean {
  if (sight.kind === 'all') return true;
  if (sight.kind !== 'jurisdiction') return false;
  return region.startsWith(sight.regionPrefix) && (sight.sectors.length === 0 || sight.sectors.includes(sector));
}

/** Whether the sight leaves out some events of the ledger, so that a trace may stop short of the whole chain. */
export function isPartial(sight: Sight): boolean {
  return sight.kind === 'jurisdiction' || sight.kind === 'enterprise';
}

/** Where units went (a forward trace) names customers, which are never public. */
export function mayTraceForward(sight: Sight): boolean {
  return sight.kind !== 'public';
}
