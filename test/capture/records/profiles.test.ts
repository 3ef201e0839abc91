import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditTrail } from '../../../src/capture/audit/audit-trail.js';
import { createProfiles } from '../../../src/capture/records/profiles.js';
import { BUILT_IN_PROFILES } from '../../../src/domain/sectors/index.js';
import type { Db } from '../../../src/store/db.js';
import { createProfileStore } from '../../../src/store/profile-store.js';
import { createTestDb, testDialects } from '../../support/test-db.js';

for (const dialect of testDialects()) {
  describe(`sector profiles in force (${dialect})`, () => {
    let db: Db;
    beforeEach(async () => {
      db = await createTestDb(dialect);
    });
    afterEach(() => db.destroy());
    const now = () => new Date('2026-11-23T08:00:00.000Z');
    const profilesOn = (recheckMs?: number) =>
      createProfiles({ store: createProfileStore(db, { now }), audit: createAuditTrail({ db, now }), ...(recheckMs !== undefined ? { recheckMs } : {}) });

    it('finds a version that another process registered once it checks the database again', async () => {
      const builtIn = BUILT_IN_PROFILES.find((p) => p.id === 'edible-agri');
      if (!builtIn) throw new Error('no edible-agri profile');
      const registering = profilesOn();
      const serving = profilesOn(0);
      const keeping = profilesOn(60_000);
      expect((await serving.find('edible-agri'))?.version).toBe(builtIn.version);
      expect((await keeping.find('edible-agri'))?.version).toBe(builtIn.version);

      await registering.register({ ...builtIn, version: builtIn.version + 1 });

      expect((await registering.find('edible-agri'))?.version).toBe(builtIn.version + 1);
      expect((await serving.find('edible-agri'))?.version).toBe(builtIn.version + 1);
      expect((await keeping.find('edible-agri'))?.version).toBe(builtIn.version);
      expect((await serving.versions('edible-agri')).map((p) => p.version)).toEqual([builtIn.version, builtIn.version + 1]);
    });
  });
}
