import { isObject, type JsonObject } from '../event.js';
import type { StageDef, Visibility } from '../sectors/profile.js';
import { meansZhuisu, recordFieldOf, type RECORD_FIELDS } from '../sectors/record-events.js';
import type { Audience } from './sight.js';

/**
 * Who may read a field of an event, from the widest to the narrowest circle: anyone (`public`); the enterprises the
 * event names, regulators and the recorder (`party`); regulators and the recorder (`regulator`); the recorder and the
 * platform (`owner`). A sector profile classes each data element public, regulator or owner.
 */
type Circle = 'public' | 'party' | 'regulator' | 'owner';

const SEES: Record<Audience, ReadonlySet<Circle>> = {
  owner: new Set(['public', 'party', 'regulator', 'owner']),
  regulator: new Set(['public', 'party', 'regulator']),
  party: new Set(['public', 'party']),
  public: new Set(['public']),
};

/**
 * The EPCIS fields everyone may read: what happened to which product, when and where. Who it went to (destination,
 * documents), how much (quantities), sensor readings and any field an extension adds are kept from the public.
 */
const EPCIS_FIELDS: Record<string, Circle> = {
  '@context': 'public', type: 'public', eventID: 'public', eventTime: 'public', eventTimeZoneOffset: 'public', recordTime: 'public',
  action: 'public', bizStep: 'public', disposition: 'public', persistentDisposition: 'public', transformationID: 'public',
  epcList: 'public', parentID: 'public', childEPCs: 'public', inputEPCList: 'public', outputEPCList: 'public',
  readPoint: 'public', bizLocation: 'public', certificationInfo: 'public', errorDeclaration: 'public',
  quantityList: 'public', childQuantityList: 'public', inputQuantityList: 'public', outputQuantityList: 'public',
  sourceList: 'party', destinationList: 'party', bizTransactionList: 'party', sensorElementList: 'party', ilmd: 'public',
};

const QUANTITY_LISTS = new Set(['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']);

/** What the platform writes on every sector event: the product, its producer and origin are public; the counterpart is a customer. */
const PLATFORM_FIELDS: Record<(typeof RECORD_FIELDS)[number], Circle> = {
  sector: 'public', stage: 'public', profileVersion: 'public', party: 'public', region: 'public', product: 'public',
  counterpart: 'party', reference: 'regulator',
};

/** CBV master data of a lot that describes the product itself (dates, origin, method), not who made or bought it. */
const PUBLIC_MASTER_DATA = new Set(['lotNumber', 'itemExpirationDate', 'bestBeforeDate', 'sellByDate', 'firstFreezeDate', 'harvestStartDate',
  'harvestEndDate', 'countryOfOrigin', 'countryOfExport', 'growingMethodCode', 'storageStateCode', 'preservationTechniqueCode',
  'productionMethodForFishAndSeafoodCode'].map((name) => `cbvmda:${name}`));

const ELEMENT_CIRCLE: Record<Visibility, Circle> = { public: 'public', regulator: 'regulator', owner: 'owner' };

/** Whether `audience` reads an EPCIS field of the events it may see (`sourceList`, `quantityList`, …). */
export function seesField(audience: Audience, field: string): boolean {
  const circle = EPCIS_FIELDS[field];
  return circle !== undefined && SEES[audience].has(circle);
}

/** The stage definition an event was recorded under, when it is a sector record. */
export type StageLookup = (sector: string, profileVersion: number, stage: string) => StageDef | undefined;

/**
 * The event as `audience` may read it: fields outside its circle are left out, and the public reads a quantity list
 * without its quantities. `stageOf` gives the data elements' classes of a sector record; an element or extension
 * field the profile does not class is for regulators and the recorder only.
 */
export function viewOfEvent(body: JsonObject, namespaces: Record<string, string>, audience: Audience, stageOf: StageLookup): JsonObject {
  if (audience === 'owner') return body;
  const sees = SEES[audience];
  const recorded = recordedStageOf(body, namespaces);
  const stage = recorded && stageOf(recorded.sector, recorded.profileVersion, recorded.stage);
  const elementCircle = (key: string): Circle | undefined => {
    if (!key.startsWith('zhuisu:') || !meansZhuisu(namespaces)) return undefined;
    const name = key.slice('zhuisu:'.length);
    if (Object.hasOwn(PLATFORM_FIELDS, name)) return PLATFORM_FIELDS[name as keyof typeof PLATFORM_FIELDS];
    const element = stage?.elements.find((e) => e.id === name);
    return element ? ELEMENT_CIRCLE[element.visibility] : undefined;
  };
  const view: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    const circle = Object.hasOwn(EPCIS_FIELDS, key) ? EPCIS_FIELDS[key] : elementCircle(key) ?? 'regulator';
    if (circle === undefined || !sees.has(circle)) continue;
    if (key === 'ilmd' && isObject(value)) {
      const ilmd = Object.fromEntries(Object.entries(value).filter(([k]) => sees.has(elementCircle(k) ?? (PUBLIC_MASTER_DATA.has(k) ? 'public' : 'regulator'))));
      if (Object.keys(ilmd).length > 0) view.ilmd = ilmd;
    } else if (key === 'bizTransactionList' && Array.isArray(value)) {
      view[key] = value.filter((t) => sees.has(documentCircle(t, stage)));
    } else if (audience === 'public' && QUANTITY_LISTS.has(key) && Array.isArray(value)) {
      view[key] = value.map((q) => (isObject(q) ? { epcClass: q.epcClass } : q));
    } else {
      view[key] = value;
    }
  }
  return view;
}

// A document that a data element wrote (a quarantine certificate number) is as visible as that element; a document
// the sender listed itself (purchase order, despatch advice) concerns the two parties of the trade.
function documentCircle(entry: unknown, stage: StageDef | undefined): Circle {
  const type = isObject(entry) ? entry.type : undefined;
  const element = typeof type === 'string' ? stage?.elements.find((e) => e.bizTransactionType === type) : undefined;
  return element ? ELEMENT_CIRCLE[element.visibility] : 'party';
}

/** The sector, profile version and stage a sector record's event was recorded under; undefined for other events. */
export function recordedStageOf(body: JsonObject, namespaces: Record<string, string>): { sector: string; profileVersion: number; stage: string } | undefined {
  const sector = recordFieldOf(body, namespaces, 'sector');
  const stage = recordFieldOf(body, namespaces, 'stage');
  const profileVersion = Number(recordFieldOf(body, namespaces, 'profileVersion'));
  return sector && stage && Number.isInteger(profileVersion) ? { sector, profileVersion, stage } : undefined;
}
