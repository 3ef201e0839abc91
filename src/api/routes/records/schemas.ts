import { Type } from '@sinclair/typebox';

const Codes = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10_000, description: 'Item codes: drug trace codes, elevator or cylinder registration codes, trace codes, SGTINs' });

export const RecordBody = Type.Object(
  {
    sector: Type.String({ minLength: 1, maxLength: 64, description: 'Sector profile id, e.g. drug, special-equipment (GET /api/v1/sectors)' }),
    stage: Type.String({ minLength: 1, maxLength: 64, description: 'Stage id within the sector profile, e.g. cylinder-filling' }),
    profileVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'Profile version; the latest when absent' })),
    party: Type.String({ minLength: 1, maxLength: 32, description: '统一社会信用代码 of the recording party (追溯主体), registered on the platform' }),
    product: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'GTIN, or the product code (<USCC>/<code> for another party\'s product)' })),
    lot: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Lot (batch) number within the product, or a full unit id' })),
    codes: Type.Optional(Codes),
    quantity: Type.Optional(Type.Number({ description: 'Quantity of the lot, in unit' })),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 16, description: 'UN/CEFACT code (KGM, TNE, LTR, H87) or Chinese name (千克, 吨, 升, 件)' })),
    inputs: Type.Optional(Type.Array(Type.Object({
      product: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      lot: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      codes: Type.Optional(Codes),
      quantity: Type.Optional(Type.Number()),
      unit: Type.Optional(Type.String({ minLength: 1, maxLength: 16 })),
    }, { additionalProperties: false }), { maxItems: 1000, description: 'What a transforming stage consumed' })),
    counterpart: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: '统一社会信用代码 of the other party' })),
    site: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Site id (SGLN EPC URI, Digital Link or URI); the party\'s registered site when absent' })),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 6, description: 'GB/T 2260 region code; the party\'s region when absent' })),
    time: Type.String({ minLength: 1, maxLength: 40, description: 'ISO 8601 with offset, e.g. 2026-03-05T09:00:00+08:00' }),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The enterprise\'s own reference' })),
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'The stage\'s data elements by element id' })),
  },
  { additionalProperties: false, $id: 'RecordInput', title: 'Sector stage record' },
);

export const RecordResultView = Type.Object({
  recordId: Type.String(),
  eventId: Type.String({ description: 'eventID of the EPCIS event the record became' }),
  created: Type.Boolean({ description: 'false when the same record was stored before' }),
  units: Type.Array(Type.String(), { description: 'Canonical ids of the units recorded, to trace or to name as inputs later' }),
  alerts: Type.Array(Type.Object({ rule: Type.String(), message: Type.String() })),
});

export const RecordView = Type.Object({
  recordId: Type.String(),
  sector: Type.String(),
  stage: Type.String(),
  profileVersion: Type.Integer(),
  party: Type.String(),
  counterpart: Type.Optional(Type.String()),
  productId: Type.Optional(Type.String()),
  region: Type.String(),
  eventTime: Type.String(),
  eventId: Type.String(),
  quantity: Type.Optional(Type.Number()),
  uom: Type.Optional(Type.String()),
  recordedAt: Type.String(),
});

export const RecordParams = Type.Object({ recordId: Type.String({ maxLength: 64 }) });
