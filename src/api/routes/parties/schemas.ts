import { Type } from '@sinclair/typebox';

export const PartyBody = Type.Object({
  uscc: Type.String({ minLength: 1, maxLength: 32, description: '统一社会信用代码 (GB 32100, 18 characters)' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  region: Type.String({ minLength: 1, maxLength: 6, description: 'GB/T 2260 code of where the party is' }),
  site: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Its main site (SGLN or URI)' })),
  sectors: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 16 })),
  overrideCheckCharacter: Type.Optional(Type.Boolean({ description: 'Administrator override for a legacy code whose check character fails; kept on the party' })),
}, { additionalProperties: false });

export const PartyView = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  region: Type.String(),
  site: Type.String(),
  sectors: Type.Array(Type.String()),
  checkOverridden: Type.Boolean(),
  registeredAt: Type.String(),
});

export const RegisteredPartyView = Type.Object({ party: PartyView, warnings: Type.Array(Type.String()) });
export const PartyParams = Type.Object({ uscc: Type.String({ maxLength: 32 }) });

export const QuotaBody = Type.Object({
  reference: Type.String({ minLength: 1, maxLength: 100, description: 'Document number of the quota (指标文号)' }),
  sector: Type.String({ minLength: 1, maxLength: 64 }),
  periodStart: Type.String({ description: 'ISO 8601 date or time' }),
  periodEnd: Type.String({ description: 'ISO 8601 date or time, exclusive' }),
  quantity: Type.Number({ exclusiveMinimum: 0 }),
  unit: Type.String({ minLength: 1, maxLength: 16, description: 'UN/CEFACT code, e.g. TNE' }),
}, { additionalProperties: false });

export const QuotaView = Type.Object({
  party: Type.String(),
  reference: Type.String(),
  sector: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  quantity: Type.Number(),
  uom: Type.String(),
  registeredAt: Type.String(),
});
