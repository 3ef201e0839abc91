import { agriInputChain } from './agri-input.js';
import type { DemoChain } from './chain.js';
import { drugChain } from './drug.js';
import { edibleAgriChain } from './edible-agri.js';
import { foodChain } from './food.js';
import { importedChain } from './imported.js';
import { hazardousChain } from './hazardous.js';
import { rareEarthChain } from './rare-earth.js';
import { specialEquipmentChain } from './special-equipment.js';

/** One chain per product class, in the order of 95号 (三). */
export const DEMO_CHAINS: readonly DemoChain[] = [edibleAgriChain, foodChain, drugChain, agriInputChain, specialEquipmentChain, hazardousChain, rareEarthChain, importedChain];
