import { DomainError } from '../errors.js';
import { cylinderCodeUri } from './cylinder-code.js';
import { drugCodeUri } from './drug-code.js';
import { elevatorCodeUri } from './elevator-code.js';
import { gtinPatternUri } from './gtin.js';
import { traceCodeUri } from './trace-code.js';
import type { UnitId, UnitKind } from './unit-id.js';

/** The unit identifier schemes a sector profile can require for a stage, by id. */
export type UnitIdSchemeId = 'drug-code' | 'elevator-code' | 'cylinder-code' | 'trace-code' | 'gtin';

export interface UnitIdScheme {
  id: UnitIdSchemeId;
  name: { zh: string; en: string };
  /** The canonical URN starts with this. */
  urnPrefix: string;
  /** Reads the bare code or its URN form; returns the canonical URN or throws `invalid_identifier`. */
  parse(input: string): string;
}

/** `UnitId.kind` and `UnitId.scheme` of a scheme's units; a GTIN names a class, as its Digital Link does. */
const UNIT_OF: Record<UnitIdSchemeId, { kind: UnitKind; scheme: string }> = {
  'drug-code': { kind: 'item', scheme: 'drug-code' },
  'elevator-code': { kind: 'item', scheme: 'elevator-code' },
  'cylinder-code': { kind: 'item', scheme: 'cylinder-code' },
  'trace-code': { kind: 'item', scheme: 'trace-code' },
  gtin: { kind: 'pattern', scheme: 'sgtin' },
};

function scheme(
  id: UnitIdSchemeId,
  name: { zh: string; en: string },
  urnPrefix: string,
  read: { fromCode: (code: string) => string; fromUrn?: (urn: string) => string },
): UnitIdScheme {
  const fromUrn = read.fromUrn ?? ((urn: string) => read.fromCode(urn.slice(urnPrefix.length)));
  return {
    id,
    name,
    urnPrefix,
    parse(input) {
      const text = input.trim();
      if (text.startsWith(urnPrefix)) return fromUrn(text);
      if (/^urn:/i.test(text)) {
        throw new DomainError(
          'invalid_identifier',
          `“${input}”不是${name.zh}的URN（应以${urnPrefix}开头） / "${input}" is not the URN of a ${name.en} (${urnPrefix}…)`,
          { value: input, scheme: id },
        );
      }
      return read.fromCode(text);
    },
  };
}

const SCHEMES: Record<UnitIdSchemeId, UnitIdScheme> = {
  'drug-code': scheme('drug-code', { zh: '药品追溯码', en: 'drug trace code' }, 'urn:zhuisu:drug:', { fromCode: drugCodeUri }),
  'elevator-code': scheme('elevator-code', { zh: '电梯注册代码', en: 'elevator code' }, 'urn:zhuisu:elevator:', { fromCode: elevatorCodeUri }),
  'cylinder-code': scheme('cylinder-code', { zh: '气瓶代码', en: 'gas cylinder code' }, 'urn:zhuisu:cylinder:', { fromCode: cylinderCodeUri }),
  'trace-code': scheme('trace-code', { zh: '追溯码', en: 'trace code' }, 'urn:zhuisu:code:', { fromCode: traceCodeUri }),
  gtin: scheme('gtin', { zh: '商品条码（GTIN）', en: 'GTIN' }, 'urn:epc:idpat:sgtin:', { fromCode: gtinPatternUri, fromUrn: gtinPatternUri }),
};

// The URN of a GTIN is an EPC pattern, which parseUnitId reads itself; only the urn:zhuisu: ones are looked up here.
const ZHUISU_SCHEMES = Object.values(SCHEMES).filter((s) => s.urnPrefix.startsWith('urn:zhuisu:'));

/** Every registered unit identifier scheme. */
export const UNIT_ID_SCHEMES: readonly UnitIdScheme[] = Object.values(SCHEMES);

/** True when `id` names a registered scheme, e.g. a scheme id read from a sector profile. */
export function isUnitIdSchemeId(id: string): id is UnitIdSchemeId {
  return Object.hasOwn(SCHEMES, id);
}

/** The registered scheme with this id, e.g. one named by a sector profile, or undefined. */
export function findUnitIdScheme(id: string): UnitIdScheme | undefined {
  return isUnitIdSchemeId(id) ? SCHEMES[id] : undefined;
}

/** The `urn:zhuisu:` scheme whose URNs start like `uri`, or undefined. */
export function findZhuisuUrnScheme(uri: string): UnitIdScheme | undefined {
  return ZHUISU_SCHEMES.find((s) => uri.startsWith(s.urnPrefix));
}

/** The unit id of a canonical URN of scheme `id`. */
export function toUnitId(canonical: string, id: UnitIdSchemeId): UnitId {
  return { canonical, ...UNIT_OF[id] };
}

/**
 * Reads `input` as a code of the given scheme, bare or in its URN form, and returns the same `UnitId` that
 * `parseUnitId` gives for the URN. Throws `invalid_identifier` saying what is wrong.
 * @example parseUnitIdAs('8385793 0000879766660', 'drug-code') // { canonical: 'urn:zhuisu:drug:83857930000879766660', kind: 'item', scheme: 'drug-code' }
 */
export function parseUnitIdAs(input: string, id: UnitIdSchemeId): UnitId {
  return toUnitId(SCHEMES[id].parse(input), id);
}
