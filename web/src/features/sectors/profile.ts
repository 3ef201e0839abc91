import type { Text } from '../../i18n';

/** A sector profile as GET /api/v1/sectors/{id} sends it: the stages a clerk records and their data elements. */
export type ElementType =
  | { kind: 'text'; maxLength?: number; pattern?: string; patternHint?: Text }
  | { kind: 'number' | 'integer'; min?: number; max?: number; unit?: string }
  | { kind: 'date' | 'datetime' | 'boolean' | 'uscc' | 'region' }
  | { kind: 'enum'; values: Array<{ value: string; name: Text }> };

export interface ElementDef {
  id: string;
  name: Text;
  type: ElementType;
  required: boolean;
  visibility: 'public' | 'regulator' | 'owner';
  description?: Text;
}

export interface StageDef {
  id: string;
  name: Text;
  event: 'create' | 'observe' | 'transform' | 'destroy';
  bizStep: string;
  handover: 'ship' | 'receive' | 'sell' | 'none';
  counterpartRequired?: boolean;
  codeScheme?: string;
  units: 'lot' | 'items' | 'either';
  elements: ElementDef[];
}

export interface SectorProfile {
  id: string;
  version: number;
  name: Text;
  stages: StageDef[];
}

/** GET /api/v1/sectors lists each sector with its stages' names only. */
export interface SectorSummary {
  id: string;
  version: number;
  name: Text;
  stages: Array<{ id: string; name: Text }>;
}

/** A registered product, as GET /api/v1/products answers. */
export interface Product {
  productId: string;
  party: string;
  code: string;
  name: string;
  gtin?: string;
  catalogueEntry: string;
  sector: string;
  registeredAt: string;
}

/** What POST /api/v1/records answers. */
export interface RecordResult {
  recordId: string;
  eventId: string;
  created: boolean;
  units: string[];
  alerts: Array<{ rule: string; message: string }>;
}
