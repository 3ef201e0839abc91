import { DomainError } from '../errors.js';
import { findDigitalLink } from './digital-link.js';
import type { EpcKey, EpcScheme } from './epc-uri.js';
import { elementsToEpc, formatEpcUri, isGs1EpcUri, parseEpcUri, resplitEpcKey } from './epc-uri.js';
import { findGcpLength, gcpLength } from './gcp-length.js';
import { findZhuisuUrnScheme, toUnitId } from './scheme.js';
import { parseTraceCode } from './trace-code.js';

/** GB/T 38155 (追溯单元): a trace unit is an item, a lot or a container; events also name locations and parties. */
export type UnitKind = 'item' | 'lot' | 'container' | 'location' | 'party' | 'asset' | 'document' | 'pattern' | 'other';

/**
 * A unit identifier in canonical form: an EPC URI for GS1 keys, `urn:zhuisu:code:…` for trace codes,
 * `urn:zhuisu:drug:…`, `urn:zhuisu:elevator:…` and `urn:zhuisu:cylinder:…` for the Chinese item codes, else the URI.
 */
export interface UnitId {
  canonical: string;
  kind: UnitKind;
  /** EPC scheme (`sgtin`, `lgtin`, …), a scheme id of `scheme.ts` (`trace-code`, `drug-code`, …), or `uri` for any other URI. */
  scheme: string;
}

const KIND: Record<EpcScheme, UnitKind> = {
  sgtin: 'item', itip: 'item', upui: 'item', sgcn: 'item', lgtin: 'lot', sscc: 'container', sgln: 'location',
  pgln: 'party', grai: 'asset', giai: 'asset', cpi: 'asset', gdti: 'document',
  gsrn: 'other', gsrnp: 'other', gsin: 'other', ginc: 'other',
};
const TRACE_CODE_URI = 'urn:zhuisu:code:';
const ZHUISU_URN = 'urn:zhuisu:';
const PLATFORM_URN_KIND: ReadonlyArray<[string, UnitKind]> = [['urn:zhuisu:lot:', 'lot'], ['urn:zhuisu:party:', 'party'], ['urn:zhuisu:site:', 'location']];

function fromEpc(key: EpcKey): UnitId {
  return { canonical: formatEpcUri(key), kind: key.form === 'idpat' ? 'pattern' : KIND[key.scheme], scheme: key.scheme };
}

function fromTraceCode(input: string): UnitId {
  return { canonical: TRACE_CODE_URI + parseTraceCode(input).code, kind: 'item', scheme: 'trace-code' };
}

/** RFC 3986 §3.1: scheme ":" followed by something, no spaces or control characters. */
function isAbsoluteUri(input: string): boolean {
  const colon = input.indexOf(':');
  if (colon < 1 || colon === input.length - 1) return false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c <= 32 || c === 127) return false;
    if (i >= colon) continue;
    const letter = (c | 32) >= 97 && (c | 32) <= 122;
    if (!letter && (i === 0 || !((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46))) return false;
  }
  return true;
}

/**
 * Normalises any accepted spelling of a unit identifier to one canonical id: an EPC URI or a GS1 Digital Link → the
 * EPC URI, a trace code (compact, display or URI form) → `urn:zhuisu:code:<compact>`, the URN of a drug, elevator or
 * cylinder code → its canonical URN, any other URI → itself. Throws `invalid_identifier` for a malformed GS1
 * identifier, trace code or `urn:zhuisu:` code, or a string that is not a URI at all. A bare drug, elevator or
 * cylinder code is read with `parseUnitIdAs` in `scheme.ts`, which is told the scheme.
 *
 * Company prefix split: a Digital Link has none, so it is split by the GCP table (7 digits for unknown prefixes).
 * An EPC URI keeps its own split unless the table has an entry for the prefix, in which case the table's split wins,
 * so that both spellings of a unit whose prefix is in the table always meet on the same canonical id.
 * @example parseUnitId('https://id.gs1.org/01/10614141073464/21/2017') // { canonical: 'urn:epc:id:sgtin:0614141.107346.2017', kind: 'item', scheme: 'sgtin' }
 */
export function parseUnitId(input: string): UnitId {
  if (input.startsWith('urn:epc:') && isGs1EpcUri(input)) {
    return fromEpc(resplitEpcKey(parseEpcUri(input), findGcpLength));
  }
  if (input.startsWith('http://') || input.startsWith('https://')) {
    const elements = findDigitalLink(input);
    if (elements !== undefined) return fromEpc(elementsToEpc(elements, gcpLength));
  }
  if (input.startsWith(ZHUISU_URN)) {
    const scheme = findZhuisuUrnScheme(input);
    if (scheme !== undefined) return toUnitId(scheme.parse(input), scheme.id);
    // Lots, parties and sites of products without GS1 keys, as the records API names them.
    const kind = PLATFORM_URN_KIND.find(([prefix]) => input.startsWith(prefix))?.[1];
    if (kind !== undefined && isAbsoluteUri(input)) return { canonical: input, kind, scheme: `zhuisu-${kind}` };
  }
  if (isAbsoluteUri(input)) return { canonical: input, kind: 'other', scheme: 'uri' };
  if (input.replace(/[- ]/g, '').length === 20) return fromTraceCode(input);
  throw new DomainError(
    'invalid_identifier',
    `"${input}" is not an identifier: expected an EPC URI (urn:epc:…), a GS1 Digital Link (https://…/01/…), a trace code or another absolute URI`,
    { value: input },
  );
}
