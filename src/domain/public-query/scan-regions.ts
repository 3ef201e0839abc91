/** The distinct client regions a code was queried from, the first few only: enough to tell one consumer from a copied code queried across the country. */
export const MAX_SCAN_REGIONS = 10;

/** `earlier` then the regions of `later` it does not hold yet, up to MAX_SCAN_REGIONS. */
export function mergeScanRegions(earlier: readonly string[], later: readonly string[]): string[] {
  const merged = [...earlier];
  for (const r of later) if (!merged.includes(r) && merged.length < MAX_SCAN_REGIONS) merged.push(r);
  return merged;
}
