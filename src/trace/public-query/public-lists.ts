import type { Text } from '../../domain/sectors/profile.js';
import type { BlacklistEntry, ConsumerAlert, PublicListStore, Recall } from '../../store/public-list-store.js';
import type { PartyName, StoryLookups } from './story.js';

/** A red banner on the query page. */
export interface Warning {
  kind: 'recall' | 'blacklist';
  title: Text;
  detail: string;
  since: string;
}

const ALL = { limit: 10_000, offset: 0 };

/**
 * The public lists (recalls in force, consumer alerts, the quality blacklist) as the public pages show them, and the
 * warnings a code's page carries. Recalls and the blacklist are short and every query checks them: they are read
 * once per `ttlMs`, not once per query.
 */
export function createPublicLists(deps: { store: PublicListStore; lookups: Pick<StoryLookups, 'partyOf' | 'regionName'>; now: () => Date; ttlMs?: number }) {
  const ttlMs = deps.ttlMs ?? 5_000;
  let snapshot: { at: number; recalls: Promise<Recall[]>; blacklist: Promise<BlacklistEntry[]> } | undefined;

  function current() {
    const now = Date.now();
    if (!snapshot || now - snapshot.at >= ttlMs) {
      const at = deps.now().toISOString();
      snapshot = { at: now, recalls: deps.store.activeRecalls(at, ALL), blacklist: deps.store.blacklist(at, ALL) };
      const failed = snapshot;
      void Promise.all([failed.recalls, failed.blacklist]).catch(() => {
        if (snapshot === failed) snapshot = undefined;
      });
    }
    return snapshot;
  }

  const regionNamed = <T extends { region?: string }>(item: T): T & { regionName?: string } => {
    const regionName = item.region ? deps.lookups.regionName(item.region) : undefined;
    return regionName ? { ...item, regionName } : item;
  };

  return {
    /** Recalls of any of `units` or of the whole product, and blacklisted enterprises among `parties`. */
    async warningsFor(subject: { units: string[]; productId: string | undefined; parties: string[]; at: string }): Promise<Warning[]> {
      const { recalls, blacklist } = current();
      const units = new Set(subject.units);
      const warnings: Warning[] = [];
      for (const recall of await recalls) {
        const applies = recall.unitId ? units.has(recall.unitId) : recall.product === subject.productId;
        if (applies && recall.startedAt <= subject.at) {
          warnings.push({ kind: 'recall', title: { zh: '该产品正在召回，请停止食用或使用', en: 'This product is under recall: stop using it' }, detail: recall.reason, since: recall.startedAt });
        }
      }
      for (const entry of await blacklist) {
        if (subject.parties.includes(entry.uscc)) {
          warnings.push({ kind: 'blacklist', title: { zh: `${entry.name}已列入质量失信黑名单`, en: `${entry.name} is on the quality blacklist` }, detail: entry.reason, since: entry.listedAt });
        }
      }
      return warnings;
    },

    async recalls(page: { limit: number; offset: number }): Promise<Array<Omit<Recall, 'party'> & { producer: PartyName; regionName?: string }>> {
      const recalls = await deps.store.activeRecalls(deps.now().toISOString(), page);
      return Promise.all(recalls.map(async ({ party, ...recall }) => ({ ...regionNamed(recall), producer: (await deps.lookups.partyOf(party)) ?? { uscc: party, name: party } })));
    },

    async consumerAlerts(page: { limit: number; offset: number }): Promise<Array<ConsumerAlert & { regionName?: string }>> {
      return (await deps.store.consumerAlerts(deps.now().toISOString(), page)).map(regionNamed);
    },

    async blacklist(page: { limit: number; offset: number }): Promise<Array<BlacklistEntry & { regionName?: string }>> {
      return (await deps.store.blacklist(deps.now().toISOString(), page)).map(regionNamed);
    },
  };
}

export type PublicLists = ReturnType<typeof createPublicLists>;
