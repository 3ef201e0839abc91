import { SYSTEM_ACTOR, type AuditActor } from '../../domain/audit/actor.js';
import { DomainError } from '../../domain/errors.js';
import { checkProfile } from '../../domain/sectors/check-profile.js';
import { BUILT_IN_PROFILES } from '../../domain/sectors/index.js';
import type { SectorProfile } from '../../domain/sectors/profile.js';
import type { ProfileStore } from '../../store/profile-store.js';
import type { AuditTrail } from '../audit/audit-trail.js';

/**
 * The sector profiles in force: the built-in ones and any version registered as data since. `audit` records who
 * registers a profile; readers that never register one (an import's worker threads) leave it out.
 */
export function createProfiles(deps: { store: ProfileStore; audit?: AuditTrail; recheckMs?: number }) {
  const recheckMs = deps.recheckMs ?? 1_000;
  let registered: { profiles: SectorProfile[]; count: number; checkedAt: number } | undefined;
  // Kept in memory, and checked against the database at most every `recheckMs`: another process serving the same
  // database may have registered a version since.
  async function all(): Promise<SectorProfile[]> {
    const now = Date.now();
    if (registered && now - registered.checkedAt >= recheckMs) {
      const count = await deps.store.count();
      registered = count === registered.count ? { ...registered, checkedAt: now } : undefined;
    }
    if (!registered) {
      const profiles = await deps.store.all();
      registered = { profiles, count: profiles.length, checkedAt: now };
    }
    return [...BUILT_IN_PROFILES, ...registered.profiles];
  }

  return {
    /** The profile of a sector at a version, or its latest version. */
    async find(sector: string, version?: number): Promise<SectorProfile | undefined> {
      let found: SectorProfile | undefined;
      for (const p of await all()) {
        if (p.id !== sector) continue;
        if (version !== undefined ? p.version === version : !found || p.version > found.version) found = p;
      }
      return found;
    },

    /** The latest version of every sector. */
    async latest(): Promise<SectorProfile[]> {
      const byId = new Map<string, SectorProfile>();
      for (const p of await all()) if ((byId.get(p.id)?.version ?? 0) < p.version) byId.set(p.id, p);
      return [...byId.values()];
    },

    /** Every version of one sector, oldest first. */
    async versions(sector: string): Promise<SectorProfile[]> {
      return (await all()).filter((p) => p.id === sector).sort((a, b) => a.version - b.version);
    },

    /**
     * Registers a new profile version (or a new sector) as data. Versions only grow, so that records made under an
     * earlier version keep their meaning.
     */
    async register(profile: SectorProfile, actor: AuditActor = SYSTEM_ACTOR): Promise<void> {
      if (!deps.audit) throw new Error('these profiles were opened without an audit trail, for reading only');
      const issues = checkProfile(profile);
      if (issues.length > 0) throw new DomainError('invalid_profile', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), { errors: issues });
      const newest = (await this.versions(profile.id)).at(-1);
      if (newest && newest.version >= profile.version) {
        throw new DomainError('already_registered', `行业“${profile.id}”已有版本${newest.version}，新版本号须更大 / sector "${profile.id}" is at version ${newest.version}; a new version must be higher`);
      }
      await deps.store.add(profile);
      registered = undefined;
      await deps.audit.record(actor, 'profile.register', profile.id, { version: profile.version });
    },
  };
}

export type Profiles = ReturnType<typeof createProfiles>;
