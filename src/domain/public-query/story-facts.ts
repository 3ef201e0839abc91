import type { ElementDef } from '../sectors/profile.js';

/**
 * Which public data elements the query page lifts out of the timeline: inspection and quarantine certificates
 * (检验检疫证明) and certification marks (绿色食品、有机、地理标志). Read from the element's id so that a new profile
 * element named like them is shown the same way with no code change.
 */
const CERTIFICATE = /(Certificate|Licence|License|Report|Permit)$/;
const MARK = /^certification/;

export type FactRole = 'certificate' | 'mark' | 'fact';

export function factRoleOf(element: ElementDef): FactRole {
  if (element.type.kind !== 'text') return 'fact';
  if (MARK.test(element.id)) return 'mark';
  return CERTIFICATE.test(element.id) ? 'certificate' : 'fact';
}
