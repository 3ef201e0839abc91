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
import { EpcisHeaderSchema, VocabularySchema } from './epcis-schema/header.js';

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

const eventList = () => Type.Array(EpcisEventSchema, { title: 'Event list', description: 'The events, captured all or none.' });

const SchemaVersionSchema = Type.String({
  title: 'Schema version',
  description: 'The EPCIS version the document follows, e.g. 2.0.',
  pattern: '^\\d+(?:\\.\\d+)*$',
});

/** An EPCISDocument: a list of events, optionally with master data in its header. */
export const EpcisEventDocumentSchema = Type.Object(
  {
    '@context': ContextSchema,
    id: Type.Optional(uri({ description: 'A URI naming this document.' })),
    type: Type.Literal('EPCISDocument'),
    schemaVersion: SchemaVersionSchema,
    creationDate: dateTime({ title: 'Creation date', description: 'When the sender created the document.' }),
    instanceIdentifier: Type.Optional(Type.String({ description: 'The sender’s identifier for this document.' })),
    sender: Type.Optional(Type.String({ description: 'Who sent the document, e.g. a PGLN or SGLN URI.' })),
    receiver: Type.Optional(Type.String({ description: 'Who the document is for.' })),
    epcisHeader: Type.Optional(EpcisHeaderSchema),
    epcisBody: Type.Object({ eventList: eventList() }, { title: 'EPCIS body' }),
  },
  {
    title: 'EPCISDocument',
    description: 'An EPCIS 2.0 document of events in JSON or JSON-LD.',
    ...extensible,
  },
);

/** An EPCISQueryDocument: the results of an EPCIS query, which the REST binding also accepts for capture. */
export const EpcisQueryDocumentSchema = Type.Object(
  {
    '@context': ContextSchema,
    id: Type.Optional(uri({ description: 'A URI naming this document.' })),
    type: Type.Literal('EPCISQueryDocument'),
    schemaVersion: Type.Optional(SchemaVersionSchema),
    creationDate: Type.Optional(dateTime({ title: 'Creation date', description: 'When the document was created.' })),
    epcisBody: Type.Object(
      {
        queryResults: Type.Object(
          {
            queryName: Type.String({ description: 'The query that produced the results, e.g. SimpleEventQuery.' }),
            subscriptionID: Type.Optional(Type.String({ description: 'The subscription that delivered the results.' })),
            resultsBody: Type.Object(
              { eventList: eventList(), vocabularyList: Type.Optional(Type.Array(VocabularySchema)) },
              { title: 'Results body', ...extensible },
            ),
          },
          { title: 'Query results', ...extensible },
        ),
      },
      { title: 'EPCIS query body', ...extensible },
    ),
  },
  {
    title: 'EPCISQueryDocument',
    description: 'The results of an EPCIS query, carrying events in epcisBody.queryResults.resultsBody.eventList.',
    ...extensible,
  },
);

/** A parsed, schema-valid document for POST /capture: an EPCISDocument or an EPCISQueryDocument. */
export type EpcisDocument = Static<typeof EpcisEventDocumentSchema> | Static<typeof EpcisQueryDocumentSchema>;

/** What POST /epcis/v2/capture accepts: an EPCISDocument or an EPCISQueryDocument, as named by `type`. */
export const EpcisDocumentSchema = Type.Unsafe<EpcisDocument>({
  title: 'EPCIS document',
  description: 'An EPCISDocument (events to capture) or an EPCISQueryDocument (query results), in JSON or JSON-LD.',
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [EpcisEventDocumentSchema, EpcisQueryDocumentSchema],
});
