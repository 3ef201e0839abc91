import { Type } from '@sinclair/typebox';

export const InspectionRequestBody = Type.Object({
  inspector: Type.String({ minLength: 1, maxLength: 32, description: '统一社会信用代码 of the inspection body (检验检测机构), a registered party' }),
  unit: Type.String({ minLength: 1, maxLength: 2048, description: 'The unit to inspect: an elevator or cylinder code, a trace code, an EPC URI or Digital Link' }),
  sector: Type.String({ minLength: 1, maxLength: 64 }),
  stage: Type.String({ minLength: 1, maxLength: 64, description: 'An inspection stage of the sector (bizStep inspecting), e.g. elevator-inspection' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

export const InspectionResultBody = Type.Object({
  time: Type.String({ minLength: 1, maxLength: 40, description: 'When it was inspected, ISO 8601 with its offset' }),
  data: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'The stage\'s data elements (report number, result…), by element id' })),
  site: Type.Optional(Type.String({ maxLength: 2048 })),
  reference: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false });

export const InspectionRequestView = Type.Object({
  requestId: Type.String(),
  inspector: Type.String(),
  unitId: Type.String(),
  sector: Type.String(),
  stage: Type.String(),
  requestedBy: Type.String(),
  requestedFor: Type.Optional(Type.String()),
  requestedAt: Type.String(),
  note: Type.Optional(Type.String()),
  recordId: Type.Optional(Type.String()),
  answeredAt: Type.Optional(Type.String()),
}, { title: 'InspectionRequest' });

export const InspectionParams = Type.Object({ requestId: Type.String({ maxLength: 64 }) });

export const InspectionListQuery = Type.Object({
  open: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')], { description: 'true: only requests not answered yet' })),
  limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$', description: '1 to 1000, default 100' })),
  offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$', description: 'default 0' })),
}, { additionalProperties: false });
