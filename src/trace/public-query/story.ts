import { isObject, type JsonObject } from '../../domain/event.js';
import { shortCbv } from '../../domain/cbv.js';
import { BIZSTEP_NAMES, FINAL_SALE_STEPS } from '../../domain/public-query/bizstep-names.js';
import { factRoleOf } from '../../domain/public-query/story-facts.js';
import { ZHUISU_BIZSTEP, type ElementDef, type StageDef, type Text } from '../../domain/sectors/profile.js';
import type { EventSummaryRow } from '../../store/trace-store.js';

export interface PartyName {
  uscc: string;
  name: string;
  region?: string;
  regionName?: string;
}

export interface Fact {
  name: Text;
  value: string;
}

/** One stage of a product's life as the public reads it. */
export interface PublicStage {
  eventId: string;
  time: string;
  name: Text;
  bizStep?: string;
  party?: { uscc: string; name: string };
  region?: string;
  regionName?: string;
  facts: Fact[];
}

/** A product's story told from the public view of its backward trace. */
export interface Story {
  stages: PublicStage[];
  certificates: Fact[];
  marks: Fact[];
  sector?: string;
  /** The latest product id a sector record named. */
  productId?: string;
  producer?: PartyName;
  origin?: { region: string; regionName: string };
  /** When the item was sold to a consumer (retail sale, dispensing); later queries are the buyer's. */
  finalSaleAt?: string;
  /** Every enterprise the story names, for the blacklist. */
  parties: string[];
}

export interface StoryLookups {
  stageOf(sector: string, profileVersion: number, stage: string): Promise<StageDef | undefined>;
  partyOf(uscc: string): Promise<PartyName | undefined>;
  /** The enterprise registered at a place (an SGLN), for events that name no enterprise of their own. */
  partyAtSite(site: string): Promise<string | undefined>;
  regionName(code: string): string | undefined;
}

const PRODUCER_STEPS = new Set(['commissioning', 'creating_class_instance', 'harvesting']);

/** Builds the story from events already cut down to what the public may read (domain/access/event-view.ts). */
export async function tellStory(events: readonly EventSummaryRow[], lookups: StoryLookups): Promise<Story> {
  const story: Story = { stages: [], certificates: [], marks: [], parties: [] };
  // A chain names the same few enterprises and places over and over: each is looked up once per story.
  const nameOf = askedOnce((uscc) => lookups.partyOf(uscc));
  const ownerOf = askedOnce((site) => lookups.partyAtSite(site));
  for (const row of events) {
    const body = row.body as JsonObject;
    const sector = stringField(body, 'zhuisu:sector');
    const stageId = stringField(body, 'zhuisu:stage');
    const stage = sector && stageId ? await lookups.stageOf(sector, Number(body['zhuisu:profileVersion']), stageId) : undefined;
    const bizStep = row.bizStep ? shortStep(row.bizStep) : undefined;
    // Plain EPCIS from a partner's system names places, not our enterprises: the one registered at the place tells it.
    const uscc = stringField(body, 'zhuisu:party') ?? row.recorder ?? (row.bizLocation ? await ownerOf(row.bizLocation) : undefined);
    const party = uscc ? await nameOf(uscc) : undefined;
    const region = stringField(body, 'zhuisu:region') ?? party?.region;
    const entry: PublicStage = { eventId: row.eventId, time: row.eventTime, name: stage?.name ?? nameOfStep(bizStep), facts: [] };
    if (bizStep) entry.bizStep = bizStep;
    if (party) entry.party = { uscc: party.uscc, name: party.name };
    if (region) {
      entry.region = region;
      const regionName = lookups.regionName(region);
      if (regionName) entry.regionName = regionName;
    }
    for (const [element, value] of elementValues(body, stage)) {
      const fact = { name: element.name, value: formatValue(element, value, lookups) };
      const role = factRoleOf(element);
      if (role === 'certificate') story.certificates.push(fact);
      else if (role === 'mark') story.marks.push(fact);
      else entry.facts.push(fact);
      if (element.type.kind === 'region' && element.ilmd && !story.origin) story.origin = { region: String(value), regionName: fact.value };
    }
    for (const mark of certificationInfo(body)) story.marks.push({ name: { zh: '认证信息', en: 'certification' }, value: mark });
    story.stages.push(entry);

    if (sector) story.sector = sector;
    const productId = stringField(body, 'zhuisu:product');
    if (productId) story.productId = productId;
    if (party && !story.parties.includes(party.uscc)) story.parties.push(party.uscc);
    const creates = stage ? stage.event === 'create' || stage.event === 'transform' : bizStep !== undefined && PRODUCER_STEPS.has(bizStep);
    if (party && !story.producer && creates) story.producer = party;
    if (bizStep && FINAL_SALE_STEPS.has(bizStep)) story.finalSaleAt = row.eventTime;
  }
  const first = story.stages[0]?.party;
  if (!story.producer && first) story.producer = await nameOf(first.uscc);
  if (!story.origin && story.producer?.region && story.producer.regionName) story.origin = { region: story.producer.region, regionName: story.producer.regionName };
  return story;
}

/** `shipping` for a CBV step, `zhuisu:cutting` for one of the platform's, other URIs as they are. */
function shortStep(bizStep: string): string {
  return bizStep.startsWith(ZHUISU_BIZSTEP) ? `zhuisu:${bizStep.slice(ZHUISU_BIZSTEP.length)}` : shortCbv('bizStep', bizStep);
}

function askedOnce<T>(lookup: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const answers = new Map<string, T>();
  return async (key) => {
    if (!answers.has(key)) answers.set(key, await lookup(key));
    return answers.get(key) as T;
  };
}

function nameOfStep(bizStep: string | undefined): Text {
  if (!bizStep) return { zh: '记录', en: 'recorded' };
  return BIZSTEP_NAMES[bizStep] ?? { zh: bizStep, en: bizStep };
}

function stringField(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The stage's data elements present in the view, top level or in the lot master data (ilmd), in profile order. */
function elementValues(body: JsonObject, stage: StageDef | undefined): Array<[ElementDef, unknown]> {
  if (!stage) return [];
  const ilmd = isObject(body.ilmd) ? body.ilmd : {};
  return stage.elements.flatMap((element): Array<[ElementDef, unknown]> => {
    const key = `zhuisu:${element.id}`;
    const value = body[key] ?? ilmd[key];
    return value === undefined || value === null || value === '' ? [] : [[element, value]];
  });
}

function formatValue(element: ElementDef, value: unknown, lookups: StoryLookups): string {
  const type = element.type;
  if (type.kind === 'enum') {
    const named = type.values.find((v) => v.value === value)?.name;
    return named ? `${named.zh} ${named.en}` : String(value);
  }
  if (type.kind === 'region') return lookups.regionName(String(value)) ?? String(value);
  if (type.kind === 'boolean') return value === true ? '是 yes' : '否 no';
  if (type.kind === 'number' || type.kind === 'integer') return type.unit ? `${String(value)} ${type.unit}` : String(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** EPCIS certificationInfo (a URI or a list of them): marks the event itself carries. */
function certificationInfo(body: JsonObject): string[] {
  const info = body.certificationInfo;
  if (typeof info === 'string') return [info];
  return Array.isArray(info) ? info.filter((i): i is string => typeof i === 'string') : [];
}
