import type { Profiles } from '../capture/records/profiles.js';
import { createReports } from '../capture/reports/reports.js';
import { findRegion } from '../domain/ids/region.js';
import { PUBLIC_SIGHT } from '../domain/access/sight.js';
import type { AlertStore } from '../store/alert-store.js';
import { createCodeStore } from '../store/code-store.js';
import type { Db } from '../store/db.js';
import type { PartyStore } from '../store/party-store.js';
import type { ProductStore } from '../store/product-store.js';
import { createPublicListStore } from '../store/public-list-store.js';
import { createReportStore } from '../store/report-store.js';
import { createScanStore } from '../store/scan-store.js';
import { createTraceStore } from '../store/trace-store.js';
import { createPublicLists } from '../trace/public-query/public-lists.js';
import { createPublicQuery, type PublicQueryLookups } from '../trace/public-query/public-query.js';
import { createTrace } from '../trace/trace.js';

/** The public service window (公共服务窗口) on one database: the query of a code, its scan log, reports and the public lists. */
export function publicServiceOf(deps: { db: Db; profiles: Profiles; parties: PartyStore; products: ProductStore; alerts: AlertStore; now: () => Date; cacheMs: number }) {
  const regionName = (code: string) => findRegion(code)?.fullName;
  const lookups: PublicQueryLookups = {
    regionName,
    async stageOf(sector, version, stage) {
      return (await deps.profiles.find(sector, Number.isInteger(version) ? version : undefined))?.stages.find((s) => s.id === stage);
    },
    async sectorName(sector) {
      return (await deps.profiles.find(sector))?.name;
    },
    partyAtSite: (site) => deps.parties.atSite(site),
    async partyOf(uscc) {
      const party = await deps.parties.find(uscc);
      if (!party) return undefined;
      const name = regionName(party.region);
      return { uscc: party.uscc, name: party.name, region: party.region, ...(name ? { regionName: name } : {}) };
    },
    async productOf(productId) {
      const product = await deps.products.find(productId);
      return product && { name: product.name, sector: product.sector, ...(product.gtin ? { gtin: product.gtin } : {}) };
    },
  };
  const scans = createScanStore(deps.db);
  const lists = createPublicLists({ store: createPublicListStore(deps.db), lookups, now: deps.now, ttlMs: deps.cacheMs });
  const query = createPublicQuery({
    trace: createTrace({ storeFor: (sight) => createTraceStore(deps.db, sight) }),
    publicStore: createTraceStore(deps.db, PUBLIC_SIGHT),
    codes: createCodeStore(deps.db),
    scans, alerts: deps.alerts, lists, lookups, now: deps.now, storyTtlMs: deps.cacheMs,
  });
  const reportStore = createReportStore(deps.db);
  const reports = createReports({ store: reportStore, responsibleFor: (code) => query.responsibleFor(code), now: deps.now });
  async function close(): Promise<void> {
    await query.flushAlerts();
    await scans.close();
  }
  return { query, lists, reports, reportStore, scans, close };
}
