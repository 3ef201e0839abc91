/**
 * A sector profile (行业追溯规范): the stages of one product class, what each stage records and the rules a regulator
 * expects. Profiles are data: a new class, stage, data element or rule is a new profile version, not new code.
 */

/** Chinese first, English second, as everything a person reads. */
export interface Text {
  zh: string;
  en: string;
}

/**
 * Who may read an element: `public` on the consumer query page, `regulator` for supervising departments,
 * `owner` only for the recording enterprise and the platform. Prices, customers and personal data are never public.
 */
export type Visibility = 'public' | 'regulator' | 'owner';

export type ElementType =
  | { kind: 'text'; maxLength?: number; pattern?: string; patternHint?: Text }
  | { kind: 'number'; min?: number; max?: number; unit?: string }
  | { kind: 'integer'; min?: number; max?: number; unit?: string }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: Array<{ value: string; name: Text }> }
  /** 统一社会信用代码 of a party (GB 32100). */
  | { kind: 'uscc' }
  /** A GB/T 2260 region code. */
  | { kind: 'region' };

/** One data element (数据采集指标) of a stage. `id` becomes the EPCIS extension field `zhuisu:<id>`. */
export interface ElementDef {
  id: string;
  name: Text;
  type: ElementType;
  required: boolean;
  visibility: Visibility;
  /** For stages that create a lot or item: the element describes the unit itself and goes into the event's `ilmd`. */
  ilmd?: boolean;
  /** The element is a business document number that also goes into `bizTransactionList` with this CBV type. */
  bizTransactionType?: string;
  description?: Text;
}

/**
 * How a stage moves custody: `ship` hands the units to the counterpart, `receive` takes them from it, `sell` hands
 * them to a buyer who may be an end consumer (counterpart optional), `none` keeps them where they are.
 */
export type Handover = 'ship' | 'receive' | 'sell' | 'none';

/** One lifecycle stage (环节) and the EPCIS event it becomes. */
export interface StageDef {
  id: string;
  name: Text;
  /**
   * `create`: the stage brings units into being (ObjectEvent ADD); `observe`: something happens to existing units
   * (ObjectEvent OBSERVE); `transform`: inputs are consumed into outputs (TransformationEvent); `destroy`: units cease
   * to exist (ObjectEvent DELETE).
   */
  event: 'create' | 'observe' | 'transform' | 'destroy';
  /** CBV 2.0 business step (bare word), or a `zhuisu:` extension step where the CBV has none. */
  bizStep: string;
  disposition?: string;
  handover: Handover;
  /** The counterpart party must be named (a buyer, a supplier, a carrier's client). */
  counterpartRequired?: boolean;
  /** Item codes of this stage are of this identifier scheme (`drug-code`, `elevator-code`, `cylinder-code`). */
  codeScheme?: string;
  /** Units are counted in quantities (a lot) or as single items (`codes`); `either` accepts both. */
  units: 'lot' | 'items' | 'either';
  elements: ElementDef[];
}

/** A rule a regulator expects the platform to enforce (`reject`) or raise an alert for (`flag`). */
export type RuleDef =
  /** A stage may not be recorded after the unit's due date, read from the latest of the given stages (or the record itself). */
  | { id: string; kind: 'due-date'; stage: string; element: string; from: string[]; action: 'reject'; name: Text }
  /** The time between two records of the given stages for one unit may not exceed `days`. */
  | { id: string; kind: 'max-interval'; stage: string; since: string[]; days: number; action: 'flag'; name: Text }
  /** A unit may go through the stage once only. */
  | { id: string; kind: 'once-per-unit'; stages: string[]; action: 'reject'; name: Text }
  /** At a stock declaration (`stock` stage) a holder's quantities must balance: in = out + stock. */
  | { id: string; kind: 'balance'; stock: string; inflow: string[]; outflow: string[]; action: 'flag'; name: Text }
  /** Output of the given stages in a quota's period may not exceed the enterprise's quota. */
  | { id: string; kind: 'quota'; stages: string[]; element: string; action: 'flag'; name: Text };

/** A product kind within a class, as it appears in the national catalogue. */
export interface ProductKind {
  id: string;
  name: Text;
}

export interface SectorProfile {
  id: string;
  version: number;
  name: Text;
  /** The department that leads the class (牵头单位), for the regulator's scope. */
  leadDepartment: Text;
  products: ProductKind[];
  stages: StageDef[];
  rules: RuleDef[];
  /** Where the stages and elements come from: standards, ministry rules, the State Council opinion. */
  sources: string[];
}

/** The extension namespace of every sector element and of the record fields the platform adds to events. */
export const ZHUISU_NS = 'https://ns.zhuisu.org/epcis/';
/** Business steps that the CBV lacks are IRIs in the same namespace; a profile writes them `zhuisu:slaughter`. */
export const ZHUISU_BIZSTEP = `${ZHUISU_NS}bizstep/`;

export function findStage(profile: SectorProfile, stageId: string): StageDef | undefined {
  return profile.stages.find((s) => s.id === stageId);
}
