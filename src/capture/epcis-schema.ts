import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import {
  AggregationEventSchema,
  AssociationEventSchema,
  ObjectEventSchema,
  TransactionEventSchema,
  TransformationEventSchema,
} from './epcis-schema/events.js';
import { ContextSchema, dateTime, extensible, uri } from './epcis-schema/fields.js';
import { EpcisHeaderSchema } from './epcis-schema/header.js';

export {
  AggregationEventSchema,
  AssociationEventSchema,
  ObjectEventSchema,
  TransactionEventSchema,
  TransformationEventSchema,
};

/** An EPCIS 2.0 event of one of the five standard types. Extension fields (`example:myField`) are allowed but not typed. */
export type EpcisEvent =
  | Static<typeof ObjectEventSchema>
  | Static<typeof AggregationEventSchema>
  | Static<typeof TransactionEventSchema>
  | Static<typeof TransformationEventSchema>
  | Static<typeof AssociationEventSchema>;

/**
 * Any one of the five EPCIS 2.0 event types, chosen by its `type`.
 * Compile with ajv's `discriminator: true` so only the named type's schema is checked.
 */
export const EpcisEventSchema = Type.Unsafe<EpcisEvent>({
  title: 'EPCIS event',
  description: 'An ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent, as named by `type`.',
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [ObjectEventSchema, AggregationEventSchema, TransactionEventSchema, TransformationEventSchema, AssociationEventSchema],
});

/** An EPCIS 2.0 capture document (EPCISDocument) carrying a list of events. */
export const EpcisDocumentSchema = Type.Object(
  {
    '@context': ContextSchema,
    id: Type.Optional(uri({ description: 'A URI naming this document.' })),
    type: Type.Literal('EPCISDocument'),
    schemaVersion: Type.String({
      title: 'Schema version',
      description: 'The EPCIS version the document follows, e.g. 2.0.',
      pattern: '^\\d+(?:\\.\\d+)*$',
    }),
    creationDate: dateTime({ title: 'Creation date', description: 'When the sender created the document.' }),
    instanceIdentifier: Type.Optional(Type.String({ description: 'The sender’s identifier for this document.' })),
    sender: Type.Optional(Type.String({ description: 'Who sent the document, e.g. a PGLN or SGLN URI.' })),
    receiver: Type.Optional(Type.String({ description: 'Who the document is for.' })),
    epcisHeader: Type.Optional(EpcisHeaderSchema),
    epcisBody: Type.Object(
      { eventList: Type.Array(EpcisEventSchema, { title: 'Event list', description: 'The events, captured all or none.' }) },
      { title: 'EPCIS body' },
    ),
  },
  {
    title: 'EPCISDocument',
    description: 'An EPCIS 2.0 document in JSON or JSON-LD, as sent to POST /epcis/v2/capture.',
    ...extensible,
  },
);

/** A parsed, schema-valid EPCIS 2.0 capture document. */
export type EpcisDocument = Static<typeof EpcisDocumentSchema>;
