import { Type } from '@sinclair/typebox';

export const TraceParams = Type.Object({
  id: Type.String({ description: 'Trace code, EPC URI or GS1 Digital Link, URL-encoded' }),
});

export const TraceQuery = Type.Object(
  {
    direction: Type.Optional(Type.Union([Type.Literal('backward'), Type.Literal('forward'), Type.Literal('both')], {
      default: 'both',
      description: 'backward (溯源): what went into the unit; forward (追踪): where it went; both',
    })),
  },
  { additionalProperties: false },
);

const Receipt = Type.Object({
  unit: Type.String(),
  quantity: Type.Optional(Type.Number()),
  uom: Type.Optional(Type.String()),
  eventId: Type.String(),
  eventTime: Type.String(),
  bizStep: Type.Optional(Type.String()),
});

const Holder = Type.Object({ id: Type.String(), roles: Type.Array(Type.String()), received: Type.Array(Receipt) });
const Reference = Type.Object({ type: Type.String(), id: Type.String() });

export const TraceView = Type.Object(
  {
    root: Type.String(),
    direction: Type.String(),
    nodes: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), identifiers: Type.Array(Type.String()) })),
    edges: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), type: Type.String(), eventId: Type.Optional(Type.String()) })),
    parties: Type.Array(Holder),
    locations: Type.Array(Holder),
    events: Type.Array(Type.Object({
      eventId: Type.String(),
      eventType: Type.String(),
      eventTime: Type.String(),
      eventTimeZoneOffset: Type.String(),
      recordedBy: Type.Optional(Type.String({ description: 'USCC of the enterprise that recorded the event' })),
      action: Type.Optional(Type.String()),
      bizStep: Type.Optional(Type.String()),
      disposition: Type.Optional(Type.String()),
      readPoint: Type.Optional(Type.String()),
      bizLocation: Type.Optional(Type.String()),
      units: Type.Array(Type.Object({ id: Type.String(), role: Type.String(), quantity: Type.Optional(Type.Number()), uom: Type.Optional(Type.String()) })),
      via: Type.Array(Type.String()),
      sources: Type.Array(Reference),
      destinations: Type.Array(Reference),
      bizTransactions: Type.Array(Type.Object({ type: Type.Optional(Type.String()), id: Type.String() })),
    })),
    truncated: Type.Boolean(),
    visibility: Type.Object({
      sight: Type.Union([Type.Literal('all'), Type.Literal('jurisdiction'), Type.Literal('enterprise'), Type.Literal('public')], {
        description: 'all: platform; jurisdiction: a regulator\'s region and sectors; enterprise: its own events and those naming it; public: public fields, backward only',
      }),
      outOfSight: Type.Array(Type.String(), { description: 'Units named by events the caller may not see: the chain goes on beyond them' }),
      forwardWithheld: Type.Boolean({ description: 'The forward half of a both-ways trace was left out: the public may not see where products went' }),
    }),
  },
  { title: 'Trace' },
);
