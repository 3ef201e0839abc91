import type { Text } from '../sectors/profile.js';

/**
 * When public queries of a code suggest a copied or made-up code (R-12 防伪): thresholds are data, so that a
 * province can tune them without a code change. Each signal fires once, at the query that crosses its threshold.
 */
export const COUNTERFEIT_SIGNALS = {
  /** A code the platform never issued, queried again and again: someone prints it. */
  unknownCode: { id: 'scan.unknown-code', scans: 3, name: { zh: '未登记追溯码被反复查询', en: 'unregistered code queried repeatedly' } },
  /** One item queried from many regions: one pack cannot be in that many places. */
  manyPlaces: { id: 'scan.many-places', regions: 3, name: { zh: '单品追溯码在多地被查询', en: 'single-item code queried from many regions' } },
  /** One item queried many times after it was sold to a consumer: the buyer checks once or twice, copies go on. */
  afterFinalSale: { id: 'scan.after-final-sale', scans: 5, name: { zh: '单品售出后仍被多次查询', en: 'single item queried repeatedly after its final sale' } },
} as const satisfies Record<string, { id: string; name: Text; scans?: number; regions?: number }>;

export interface ScanFacts {
  registered: boolean;
  /** Whether the code stands for one item (a pack, a box of medicine), not a lot or a container. */
  isSingleItem: boolean;
  /** Queries so far, this one included, and the distinct regions they came from. */
  count: number;
  regions: number;
  /** Regions before this query, to tell the query that added a region. */
  regionsBefore: number;
  /** Queries made after the item's final sale, this one included; 0 when it was not sold. */
  scansAfterSale: number;
}

export interface Signal {
  id: string;
  name: Text;
}

/** The signals this query raises: those whose threshold it reaches. */
export function signalsOf(facts: ScanFacts): Signal[] {
  const raised: Signal[] = [];
  const { unknownCode, manyPlaces, afterFinalSale } = COUNTERFEIT_SIGNALS;
  if (!facts.registered) {
    if (facts.count === unknownCode.scans) raised.push(unknownCode);
    return raised;
  }
  if (!facts.isSingleItem) return raised;
  if (facts.regionsBefore < manyPlaces.regions && facts.regions >= manyPlaces.regions) raised.push(manyPlaces);
  if (facts.scansAfterSale === afterFinalSale.scans) raised.push(afterFinalSale);
  return raised;
}
