import { Type } from '@sinclair/typebox';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const Fact = Type.Object({ name: Text, value: Type.String() });
const PartyName = Type.Object({ uscc: Type.String(), name: Type.String(), region: Type.Optional(Type.String()), regionName: Type.Optional(Type.String()) });

/** Every field the public query answers; anything else a story might hold is never sent (response filtering). */
export const PublicAnswerView = Type.Object({
  query: Type.String({ description: 'The code as it was asked' }),
  registered: Type.Boolean({ description: 'false: the platform never issued or recorded this code; the product may be counterfeit' }),
  unitId: Type.Optional(Type.String()),
  codeDisplay: Type.Optional(Type.String()),
  product: Type.Optional(Type.Object({ name: Type.String(), gtin: Type.Optional(Type.String()), sector: Type.Optional(Type.String()), sectorName: Type.Optional(Text) })),
  producer: Type.Optional(PartyName),
  origin: Type.Optional(Type.Object({ region: Type.String(), regionName: Type.String() })),
  stages: Type.Array(Type.Object({
    eventId: Type.String(),
    time: Type.String(),
    name: Text,
    bizStep: Type.Optional(Type.String()),
    party: Type.Optional(Type.Object({ uscc: Type.String(), name: Type.String() })),
    region: Type.Optional(Type.String()),
    regionName: Type.Optional(Type.String()),
    facts: Type.Array(Fact),
  }), { description: 'Oldest first' }),
  certificates: Type.Array(Fact, { description: 'Inspection and quarantine certificates' }),
  marks: Type.Array(Fact, { description: 'Certification marks: green food, organic, geographical indication' }),
  warnings: Type.Array(Type.Object({ kind: Type.Union([Type.Literal('recall'), Type.Literal('blacklist')]), title: Text, detail: Type.String(), since: Type.String() })),
  scans: Type.Object({
    count: Type.Integer({ description: 'Public queries of this code, this one included' }),
    firstAt: Type.Optional(Type.String()),
    firstRegion: Type.Optional(Type.String()),
    firstRegionName: Type.Optional(Type.String()),
  }),
  links: Type.Object({ linkset: Type.String(), report: Type.String() }),
}, { $id: 'PublicAnswer', title: 'Public query of a code' });

export const PublicQueryString = Type.Object({
  region: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'GB/T 2260 code of where the client is, if it chooses to say (a city at most)' })),
  linkType: Type.Optional(Type.String({ maxLength: 100, description: '`linkset` (or `all`) answers the RFC 9264 linkset of the code, as a GS1 resolver does' })),
}, { additionalProperties: false });
