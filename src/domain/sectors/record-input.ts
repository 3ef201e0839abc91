/**
 * A sector stage record in plain terms (`POST /api/v1/records`, one row of a bulk import): what an ERP, a scale, a
 * scanner or a clerk knows, without EPCIS. The platform turns it into the standard event (`recordToEvent`).
 */
export interface RecordInput {
  /** Sector profile id: `edible-agri`, `food`, `drug`, `agri-input`, `special-equipment`, `hazardous`, `rare-earth`, `imported`. */
  sector: string;
  /** Stage id within the profile, e.g. `slaughter`, `filling`. */
  stage: string;
  /** Profile version to record against; the latest when absent. */
  profileVersion?: number;
  /** 统一社会信用代码 of the recording party (追溯主体), registered on the platform. */
  party: string;
  /**
   * The product: its GTIN, or the product code the owning party registered it under (`<USCC>/<code>` for another
   * party's product, plain `<code>` for the recording party's own). Lots are numbered within their product.
   */
  product?: string;
  /** Lot (batch) number within the product, or a full unit id (EPC URI, Digital Link, `urn:…`). */
  lot?: string;
  /** Item codes: drug trace codes, elevator or cylinder registration codes, platform trace codes, SGTINs. */
  codes?: string[];
  /** Quantity of the lot concerned, in `unit`. */
  quantity?: number;
  /** UN/CEFACT unit code (KGM kilogram, TNE tonne, LTR litre, H87 piece, …) or its Chinese name (千克, 吨, 升, 件). */
  unit?: string;
  /** What a transforming stage consumed (slaughter, processing, smelting): lots or codes of other products. */
  inputs?: Array<{ product?: string; lot?: string; codes?: string[]; quantity?: number; unit?: string }>;
  /** 统一社会信用代码 of the other party: buyer, supplier, owner of the equipment serviced. */
  counterpart?: string;
  /** Where: a site identifier of the party (SGLN EPC URI, Digital Link or URI); the party's registered site when absent. */
  site?: string;
  /** GB/T 2260 code of where it happened; the party's registered region when absent. */
  region?: string;
  /** When, ISO 8601 with its offset: `2026-03-05T09:00:00+08:00`. */
  time: string;
  /** The enterprise's own reference (voucher, work order, batch record number). */
  reference?: string;
  /** The stage's data elements, by element id. */
  data?: Record<string, unknown>;
}
