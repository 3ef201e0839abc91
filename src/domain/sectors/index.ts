import { agriInputProfile } from './agri-input.js';
import { drugProfile } from './drug.js';
import { edibleAgriProfile } from './edible-agri.js';
import { foodProfile } from './food.js';
import { hazardousProfile } from './hazardous.js';
import { importedProfile } from './imported.js';
import type { SectorProfile } from './profile.js';
import { rareEarthProfile } from './rare-earth.js';
import { specialEquipmentProfile } from './special-equipment.js';

/** The built-in profiles, one per class of 95号 (三) plus imported products; more versions may be registered as data. */
export const BUILT_IN_PROFILES: readonly SectorProfile[] = [
  edibleAgriProfile,
  foodProfile,
  drugProfile,
  agriInputProfile,
  specialEquipmentProfile,
  hazardousProfile,
  rareEarthProfile,
  importedProfile,
];
