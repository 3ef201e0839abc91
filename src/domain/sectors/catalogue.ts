import type { SectorProfile } from './profile.js';

/** A national catalogue entry as the built-in profiles define it: one per product kind of each class. */
export interface NationalEntry {
  id: string;
  scope: 'national';
  sector: string;
  productKind: string;
  name: { zh: string; en: string };
  list: 'key';
}

/** The key list (重点追溯产品目录) of 95号 (三)(四) and the Raoping plan's imported products, from the profiles. */
export function nationalCatalogue(profiles: readonly SectorProfile[]): NationalEntry[] {
  return profiles.flatMap((p) => p.products.map((kind): NationalEntry => ({
    id: `${p.id}.${kind.id}`, scope: 'national', sector: p.id, productKind: kind.id, name: kind.name, list: 'key',
  })));
}
