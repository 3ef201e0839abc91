import { randomUUID } from 'node:crypto';
import { BoundedMap } from '../../domain/bounded-memo.js';
import { PUBLIC_SIGHT } from '../../domain/access/sight.js';
import { DomainError } from '../../domain/errors.js';
import { clientClassOf } from '../../domain/public-query/client-class.js';
import { signalsOf } from '../../domain/public-query/counterfeit-signals.js';
import { formatTraceCode } from '../../domain/ids/trace-code.js';
import { parseUnitIdAs, type UnitIdSchemeId } from '../../domain/ids/scheme.js';
import { parseUnitId, type UnitId } from '../../domain/ids/unit-id.js';
import type { Text } from '../../domain/sectors/profile.js';
import type { AlertStore } from '../../store/alert-store.js';
import type { CodeStore, IssuedCode } from '../../store/code-store.js';
import type { ScanSummary } from '../../domain/public-query/scan-summary.js';
import type { Scan, ScanStore } from '../../store/scan-store.js';
import type { TraceStore } from '../../store/trace-store.js';
import type { Trace } from '../trace.js';
import { tellStory, type Fact, type PartyName, type PublicStage, type Story, type StoryLookups } from './story.js';
import { createAlertQueue } from './alert-queue.js';
import type { PublicLists, Warning } from './public-lists.js';

/** The answer of the public query (one-stop query 一站式查询) of a code: what a consumer's phone shows. */
export interface PublicAnswer {
  query: string;
  registered: boolean;
  unitId?: string;
  codeDisplay?: string;
  product?: { name: string; gtin?: string; sector?: string; sectorName?: Text };
  producer?: PartyName;
  origin?: { region: string; regionName: string };
  stages: PublicStage[];
  certificates: Fact[];
  marks: Fact[];
  warnings: Warning[];
  scans: { count: number; firstAt?: string; firstRegion?: string; firstRegionName?: string };
}

export interface PublicQueryLookups extends StoryLookups {
  productOf(productId: string): Promise<{ name: string; gtin?: string; sector: string } | undefined>;
  sectorName(sector: string): Promise<Text | undefined>;
}

/** Who asked, as far as the log keeps it: a region the client chose to give and its User-Agent's class. */
export interface Client {
  region?: string;
  userAgent?: string;
}

// Bare item codes a consumer scans off a box: the 20-digit drug trace code, elevator and cylinder codes.
const BARE_SCHEMES: UnitIdSchemeId[] = ['drug-code', 'elevator-code', 'cylinder-code'];
const TRACE_CODE_URI = 'urn:zhuisu:code:';
const STALE_TTLS = 10;

/**
 * The public query: any spelling of a code → its story (backward trace, public fields only), warnings (recall,
 * blacklist) and how often it was queried. Stories are kept for `storyTtlMs`: a code on a million packs of one lot
 * tells the lot's story, and the lot's story is read once, not once per pack.
 */
export function createPublicQuery(deps: {
  trace: Trace;
  publicStore: TraceStore;
  codes: CodeStore;
  scans: ScanStore;
  alerts: AlertStore;
  lists: PublicLists;
  lookups: PublicQueryLookups;
  now: () => Date;
  storyTtlMs?: number;
}) {
  const storyTtlMs = deps.storyTtlMs ?? 5_000;
  const raised = createAlertQueue(deps.alerts);
  // Codes of one lot issued under different product names share the lot's story and differ in the product only: each
  // told story keeps the products it was asked for, by the name the codes were issued under.
  type Told = { story: Story; units: string[]; products: Map<string, Promise<PublicAnswer['product'] | undefined>> };
  const stories = new BoundedMap<string, { at: number; told: Promise<Told>; renewing?: boolean }>(20_000);

  function tell(root: string): Promise<Told> {
    return deps.trace.backwardEvents(root, { sight: PUBLIC_SIGHT }).then(async ({ units, events }) => ({ units, story: await tellStory(events, deps.lookups), products: new Map() }));
  }

  // A story past its time is still told while its renewal is under way, for up to STALE_TTLS times its time: the
  // stories of a busy platform all fall due together, and renewing them inside the queries that found them due
  // held those queries up by tens of milliseconds.
  function toldOf(root: string): Promise<Told> {
    const now = Date.now();
    const cached = stories.get(root);
    if (cached && now - cached.at < storyTtlMs) return cached.told;
    if (cached && now - cached.at < storyTtlMs * STALE_TTLS) {
      if (!cached.renewing) {
        cached.renewing = true;
        tell(root).then((told) => {
          stories.set(root, { at: Date.now(), told: Promise.resolve(told) });
        }, () => {
          cached.renewing = false;
        });
      }
      return cached.told;
    }
    const told = tell(root);
    if (storyTtlMs > 0) stories.set(root, { at: now, told });
    told.catch(() => stories.delete(root));
    return told;
  }

  async function storyOf(unit: UnitId, issued: IssuedCode | undefined, named: boolean): Promise<{ told: Told; product: PublicAnswer['product'] | undefined }> {
    // An issued code whose item has no events of its own carries its lot's history: tell the lot's story.
    const told = await toldOf(issued?.lotId && !named ? issued.lotId : unit.canonical);
    const name = issued?.product ?? '';
    let product = told.products.get(name);
    if (!product) {
      product = productOf(told.story, issued, deps.lookups);
      told.products.set(name, product);
      product.catch(() => told.products.delete(name));
    }
    return { told, product: await product };
  }

  function raiseSignals(unitKey: string, facts: Parameters<typeof signalsOf>[0], story: Story | undefined, query: string, at: string): void {
    const signals = signalsOf(facts);
    if (signals.length === 0) return;
    raised.add(signals.map((signal) => ({
      alertId: randomUUID(), rule: signal.id, sector: story?.sector ?? '', unitId: unitKey, ...(story?.producer ? { party: story.producer.uscc } : {}),
      message: `${signal.name.zh}：${query} / ${signal.name.en}: ${query}`,
      details: { code: query, scans: facts.count, regions: facts.regions }, raisedAt: at, status: 'open' as const,
    })));
  }

  async function resolve(query: string): Promise<{ unit: UnitId | undefined; issued: IssuedCode | undefined; named: boolean }> {
    const unit = readCode(query);
    const issued = unit?.scheme === 'trace-code' ? await deps.codes.find(unit.canonical.slice(TRACE_CODE_URI.length)) : undefined;
    const named = unit ? await deps.publicStore.isNamed(unit.canonical) : false;
    return { unit, issued, named };
  }

  return {
    /** Writes the alerts raised so far; they are otherwise written every ALERT_FLUSH_MS. */
    flushAlerts: raised.flush,

    async query(input: string, client: Client): Promise<PublicAnswer> {
      const query = input.trim();
      const at = deps.now().toISOString();
      const { unit, issued, named } = await resolve(query);
      const registered = issued !== undefined || named;
      const scan: Scan = { unitKey: unit?.canonical ?? query, registered, at, clientClass: clientClassOf(client.userAgent) };
      if (client.region) scan.clientRegion = client.region;

      if (!unit || !registered) {
        const { after: scans } = await deps.scans.record(scan);
        raiseSignals(scan.unitKey, { registered: false, isSingleItem: false, count: scans.count, regions: scans.regions.length, regionsBefore: scans.regions.length, scansAfterSale: 0 }, undefined, query, at);
        return { query, registered: false, stages: [], certificates: [], marks: [], warnings: [], scans: scanView(scans, deps.lookups) };
      }

      const { told: { story, units }, product } = await storyOf(unit, issued, named);
      const { before, after: scans } = await deps.scans.record(scan);
      const regionsBefore = before?.regions.length ?? 0;
      const isSingleItem = unit.kind === 'item';
      const scansAfterSale = story.finalSaleAt && scans.firstAt >= story.finalSaleAt ? scans.count : 0;
      raiseSignals(unit.canonical, { registered: true, isSingleItem, count: scans.count, regions: scans.regions.length, regionsBefore, scansAfterSale }, story, query, at);

      const answer: PublicAnswer = {
        query, registered: true, unitId: unit.canonical,
        stages: story.stages, certificates: story.certificates, marks: story.marks,
        warnings: await deps.lists.warningsFor({ units: [unit.canonical, ...units], productId: story.productId, parties: story.parties, at }),
        scans: scanView(scans, deps.lookups),
      };
      if (issued) answer.codeDisplay = formatTraceCode(issued.code);
      if (product) answer.product = product;
      if (story.producer) answer.producer = story.producer;
      if (story.origin) answer.origin = story.origin;
      return answer;
    },

    /** The unit a code stands for and the enterprise that answers for it (its producer), without logging a query. */
    async responsibleFor(input: string): Promise<{ unitId?: string; party?: string; region?: string; sector?: string }> {
      const { unit, issued, named } = await resolve(input.trim());
      if (!unit || (!issued && !named)) return {};
      const { told: { story } } = await storyOf(unit, issued, named);
      return {
        unitId: unit.canonical,
        ...(story.producer ? { party: story.producer.uscc } : {}),
        ...(story.producer?.region ? { region: story.producer.region } : {}),
        ...(story.sector ? { sector: story.sector } : {}),
      };
    },
  };
}

export type PublicQuery = ReturnType<typeof createPublicQuery>;

/** The unit a scanned or typed code stands for, or undefined when it is no identifier at all. */
function readCode(query: string): UnitId | undefined {
  if (query.length === 0 || query.length > 500) return undefined;
  try {
    return parseUnitId(query);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
  }
  for (const scheme of BARE_SCHEMES) {
    try {
      return parseUnitIdAs(query, scheme);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }
  return undefined;
}

async function productOf(story: Story, issued: IssuedCode | undefined, lookups: PublicQueryLookups): Promise<PublicAnswer['product'] | undefined> {
  const registered = story.productId ? await lookups.productOf(story.productId) : undefined;
  const sector = registered?.sector ?? story.sector;
  const name = registered?.name ?? issued?.product;
  if (!name) return undefined;
  const product: NonNullable<PublicAnswer['product']> = { name };
  if (registered?.gtin) product.gtin = registered.gtin;
  if (sector) {
    product.sector = sector;
    const sectorName = await lookups.sectorName(sector);
    if (sectorName) product.sectorName = sectorName;
  }
  return product;
}

function scanView(scans: ScanSummary, lookups: StoryLookups): PublicAnswer['scans'] {
  const view: PublicAnswer['scans'] = { count: scans.count };
  if (scans.firstAt) view.firstAt = scans.firstAt;
  if (scans.firstRegion) {
    view.firstRegion = scans.firstRegion;
    const name = lookups.regionName(scans.firstRegion);
    if (name) view.firstRegionName = name;
  }
  return view;
}
