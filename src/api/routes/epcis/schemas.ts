import { Type } from '@sinclair/typebox';
import { EVENT_TYPES } from '../../../domain/event.js';

const pipeList = (description: string) => Type.Optional(Type.String({ description: `${description} Several values are separated by |.` }));

export const EventQueryString = Type.Object(
  {
    eventType: pipeList(`Event types: ${EVENT_TYPES.join(', ')}.`),
    GE_eventTime: Type.Optional(Type.String({ description: 'Events at or after this time (ISO 8601).' })),
    LT_eventTime: Type.Optional(Type.String({ description: 'Events before this time (ISO 8601).' })),
    GE_recordTime: Type.Optional(Type.String({ description: 'Events recorded at or after this time.' })),
    LT_recordTime: Type.Optional(Type.String({ description: 'Events recorded before this time.' })),
    EQ_bizStep: pipeList('Business steps, CBV words (shipping) or URIs.'),
    EQ_disposition: pipeList('Dispositions, CBV words or URIs.'),
    EQ_action: pipeList('ADD, OBSERVE or DELETE.'),
    EQ_readPoint: pipeList('Read point ids (SGLN EPC URI or Digital Link).'),
    EQ_bizLocation: pipeList('Business location ids.'),
    EQ_eventID: pipeList('Event ids.'),
    MATCH_epc: pipeList('EPCs or EPC patterns in epcList or childEPCs.'),
    MATCH_anyEPC: pipeList('EPCs or patterns in any EPC field.'),
    MATCH_parentID: pipeList('Parent ids or patterns.'),
    MATCH_inputEPC: pipeList('Input EPCs or patterns.'),
    MATCH_outputEPC: pipeList('Output EPCs or patterns.'),
    MATCH_epcClass: pipeList('EPC classes in quantityList or childQuantityList.'),
    MATCH_anyEPCClass: pipeList('EPC classes in any quantity list.'),
    perPage: Type.Optional(Type.String({ description: 'Events per page, 1 to 1000 (default 30).' })),
    nextPageToken: Type.Optional(Type.String({ description: 'Token from the Link header of the previous page.' })),
  },
  { additionalProperties: false },
);

const Open = Type.Object({}, { additionalProperties: true });

export const QueryDocumentView = Type.Object(
  {
    '@context': Type.Array(Type.Unknown()),
    type: Type.Literal('EPCISQueryDocument'),
    schemaVersion: Type.String(),
    creationDate: Type.String(),
    epcisBody: Open,
  },
  { title: 'EPCISQueryDocument' },
);

export const EventView = Type.Object({ '@context': Type.Array(Type.Unknown()) }, { additionalProperties: true, title: 'EPCIS event' });

export const CaptureJobView = Type.Object(
  {
    captureID: Type.String(),
    createdAt: Type.String(),
    finishedAt: Type.Optional(Type.String()),
    running: Type.Boolean(),
    success: Type.Boolean(),
    captureErrorBehaviour: Type.Literal('rollback'),
    errors: Type.Array(Open),
    eventCount: Type.Integer({ description: 'Events in the document' }),
    storedCount: Type.Integer({ description: 'Events new to the ledger (the rest were already captured)' }),
  },
  { title: 'Capture job' },
);

export const CaptureIdParams = Type.Object({ captureID: Type.String() });
export const EventIdParams = Type.Object({ eventID: Type.String() });

export const EventTypeCollection = Type.Object({
  '@context': Type.Array(Type.Unknown()),
  type: Type.Literal('Collection'),
  member: Type.Array(Type.String()),
});
