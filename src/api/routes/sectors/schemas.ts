import { Type } from '@sinclair/typebox';

const Text = Type.Object({ zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false });
const Visibility = Type.Union([Type.Literal('public'), Type.Literal('regulator'), Type.Literal('owner')]);

const ElementType = Type.Union([
  Type.Object({ kind: Type.Literal('text'), maxLength: Type.Optional(Type.Integer({ minimum: 1 })), pattern: Type.Optional(Type.String()), patternHint: Type.Optional(Text) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Union([Type.Literal('number'), Type.Literal('integer')]), min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()), unit: Type.Optional(Type.String()) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Union([Type.Literal('date'), Type.Literal('datetime'), Type.Literal('boolean'), Type.Literal('uscc'), Type.Literal('region')]) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('enum'), values: Type.Array(Type.Object({ value: Type.String(), name: Text }, { additionalProperties: false }), { minItems: 1 }) }, { additionalProperties: false }),
]);

const Element = Type.Object({
  id: Type.String(),
  name: Text,
  type: ElementType,
  required: Type.Boolean(),
  visibility: Visibility,
  ilmd: Type.Optional(Type.Boolean()),
  bizTransactionType: Type.Optional(Type.String()),
  description: Type.Optional(Text),
}, { additionalProperties: false });

const Stage = Type.Object({
  id: Type.String(),
  name: Text,
  event: Type.Union([Type.Literal('create'), Type.Literal('observe'), Type.Literal('transform'), Type.Literal('destroy')]),
  bizStep: Type.String(),
  disposition: Type.Optional(Type.String()),
  handover: Type.Union([Type.Literal('ship'), Type.Literal('receive'), Type.Literal('sell'), Type.Literal('none')]),
  counterpartRequired: Type.Optional(Type.Boolean()),
  codeScheme: Type.Optional(Type.String()),
  units: Type.Union([Type.Literal('lot'), Type.Literal('items'), Type.Literal('either')]),
  elements: Type.Array(Element),
}, { additionalProperties: false });

const Rule = Type.Union([
  Type.Object({ id: Type.String(), kind: Type.Literal('due-date'), stage: Type.String(), element: Type.String(), from: Type.Array(Type.String()), action: Type.Literal('reject'), name: Text }, { additionalProperties: false }),
  Type.Object({ id: Type.String(), kind: Type.Literal('max-interval'), stage: Type.String(), since: Type.Array(Type.String()), days: Type.Integer({ minimum: 1 }), action: Type.Literal('flag'), name: Text }, { additionalProperties: false }),
  Type.Object({ id: Type.String(), kind: Type.Literal('once-per-unit'), stages: Type.Array(Type.String()), action: Type.Literal('reject'), name: Text }, { additionalProperties: false }),
  Type.Object({ id: Type.String(), kind: Type.Literal('balance'), stock: Type.String(), inflow: Type.Array(Type.String()), outflow: Type.Array(Type.String()), action: Type.Literal('flag'), name: Text }, { additionalProperties: false }),
  Type.Object({ id: Type.String(), kind: Type.Literal('quota'), stages: Type.Array(Type.String()), element: Type.String(), action: Type.Literal('flag'), name: Text }, { additionalProperties: false }),
]);

/** A sector profile as data: what GET returns and what an administrator registers as a new version. */
export const ProfileSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  name: Text,
  leadDepartment: Text,
  products: Type.Array(Type.Object({ id: Type.String(), name: Text }, { additionalProperties: false })),
  stages: Type.Array(Stage, { minItems: 1 }),
  rules: Type.Array(Rule),
  sources: Type.Array(Type.String()),
}, { additionalProperties: false, title: 'Sector profile' });

export const ProfileSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  name: Text,
  stages: Type.Array(Type.Object({ id: Type.String(), name: Text })),
});

export const SectorParams = Type.Object({ sector: Type.String({ maxLength: 64 }) });
export const SectorQuery = Type.Object({ version: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,8}$', description: 'Profile version' })) }, { additionalProperties: false });
