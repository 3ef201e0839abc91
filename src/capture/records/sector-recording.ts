import type { Db } from '../../store/db.js';
import { createAlertStore } from '../../store/alert-store.js';
import { createCatalogueStore } from '../../store/catalogue-store.js';
import { createPartyStore } from '../../store/party-store.js';
import { createProductStore } from '../../store/product-store.js';
import { createProfileStore } from '../../store/profile-store.js';
import { createQuotaStore } from '../../store/quota-store.js';
import { createSectorRecordStore } from '../../store/sector-record-store.js';
import { createAuditTrail } from '../audit/audit-trail.js';
import type { Capture } from '../capture-events.js';
import { createRegistry } from '../registry/registry.js';
import { createProfiles } from './profiles.js';
import { createRecorder } from './record-capture.js';

/**
 * The sector side of the platform on one database: profiles, the registry of parties, products, catalogue and
 * quotas, the recorder, and the audit trail of the registrations, wired once for the server and for the demo loader alike.
 */
export function createSectorRecording(deps: { db: Db; capture: Capture; now: () => Date }) {
  const { db, now } = deps;
  const audit = createAuditTrail({ db, now });
  const profiles = createProfiles({ store: createProfileStore(db, { now }), audit });
  const parties = createPartyStore(db);
  const products = createProductStore(db);
  const catalogue = createCatalogueStore(db, { now });
  const quotas = createQuotaStore(db);
  const alerts = createAlertStore(db);
  const records = createSectorRecordStore(db);
  const registry = createRegistry({ parties, products, catalogue, quotas, profiles, audit, now });
  const recorder = createRecorder({ capture: deps.capture, profiles, parties, products, records, alerts, quotas, now });
  return { audit, profiles, parties, products, catalogue, quotas, alerts, records, registry, recorder };
}

export type SectorRecording = ReturnType<typeof createSectorRecording>;
