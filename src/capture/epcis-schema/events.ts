import { Type } from '@sinclair/typebox';
import { BizStepSchema, DispositionSchema } from './cbv.js';
import {
  ActionSchema,
  BizLocationSchema,
  CertificationInfoSchema,
  ContextSchema,
  DestinationSchema,
  ErrorDeclarationSchema,
  IlmdSchema,
  PersistentDispositionSchema,
  ReadPointSchema,
  SourceSchema,
  TimeZoneOffsetSchema,
  bizTransactionList,
  dateTime,
  extensible,
  quantityList,
  uri,
  uriList,
} from './fields.js';
import { SensorElementSchema } from './sensor.js';

/** The five EPCIS 2.0 event types. */
export const EVENT_TYPES: readonly string[] = [
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
];

function eventFields<const T extends string>(type: T) {
  return {
    '@context': Type.Optional(ContextSchema),
    type: Type.Literal(type, { description: 'The event type.' }),
    eventTime: dateTime({ title: 'Event time', description: 'When the event took place.' }),
    recordTime: Type.Optional(dateTime({ title: 'Record time', description: 'When the event was recorded; set by the repository.' })),
    eventTimeZoneOffset: TimeZoneOffsetSchema,
    eventID: Type.Optional(uri({ title: 'Event ID', description: 'A globally unique event identifier, e.g. an ni:///sha-256 event hash or urn:uuid.' })),
    certificationInfo: Type.Optional(CertificationInfoSchema),
    errorDeclaration: Type.Optional(ErrorDeclarationSchema),
  };
}

function whyFields() {
  return {
    bizStep: Type.Optional(BizStepSchema),
    disposition: Type.Optional(DispositionSchema),
    readPoint: Type.Optional(ReadPointSchema),
    bizLocation: Type.Optional(BizLocationSchema),
    bizTransactionList: Type.Optional(bizTransactionList({ description: 'Business transactions the event belongs to.' })),
    sourceList: Type.Optional(Type.Array(SourceSchema, { description: 'Where the objects come from.' })),
    destinationList: Type.Optional(Type.Array(DestinationSchema, { description: 'Where the objects go to.' })),
    sensorElementList: Type.Optional(Type.Array(SensorElementSchema, { description: 'Sensor data captured with the event.' })),
  };
}

// A cross-field rule that one field's schema cannot say. The validator reports a broken rule as one issue:
// `title` is the field the sender should fix and `description` completes the sentence "field <title> …".
function rule(field: string, requirement: string, anyOf: object[]) {
  return { title: field, description: requirement, anyOf };
}

function has(field: string) {
  return { type: 'object', required: [field] };
}

function hasNonEmpty(...fields: string[]) {
  const properties = Object.fromEntries(fields.map((field) => [field, { type: 'array', minItems: 1 }]));
  return { type: 'object', required: fields, properties };
}

const isDelete = { type: 'object', properties: { action: { const: 'DELETE' } } };

const childrenUnlessDelete = rule(
  'childEPCs',
  'must not be empty (or give a non-empty childQuantityList) unless action is DELETE',
  [hasNonEmpty('childEPCs'), hasNonEmpty('childQuantityList'), isDelete],
);

/** An event about objects themselves: commissioned, observed, shipped, destroyed… */
export const ObjectEventSchema = Type.Object(
  {
    ...eventFields('ObjectEvent'),
    action: ActionSchema,
    epcList: Type.Optional(uriList({ unique: true, description: 'The individual objects (EPCs), each listed once.' })),
    quantityList: Type.Optional(quantityList({ description: 'Objects identified by class and quantity.' })),
    persistentDisposition: Type.Optional(PersistentDispositionSchema),
    ...whyFields(),
    ilmd: Type.Optional(IlmdSchema),
  },
  {
    title: 'ObjectEvent',
    description: 'What happened to one or more objects, identified individually (epcList) or by class (quantityList).',
    ...extensible,
    allOf: [
      rule('epcList', 'is required unless the event has a non-empty quantityList, or a non-empty sensorElementList with a readPoint', [
        has('epcList'),
        hasNonEmpty('quantityList'),
        { ...hasNonEmpty('sensorElementList'), required: ['sensorElementList', 'readPoint'] },
      ]),
      // EPCIS 2.0: ILMD describes objects as they come into being, so it only travels with action ADD.
      rule('ilmd', 'is only allowed when action is ADD', [
        { type: 'object', properties: { action: { const: 'ADD' } } },
        { not: has('ilmd') },
      ]),
    ],
  },
);

/** An event about objects packed into, or taken out of, a parent container. */
export const AggregationEventSchema = Type.Object(
  {
    ...eventFields('AggregationEvent'),
    parentID: Type.Optional(uri({ description: 'The container (e.g. an SSCC) the children are aggregated to.' })),
    childEPCs: Type.Optional(uriList({ description: 'The individual children.' })),
    childQuantityList: Type.Optional(quantityList({ description: 'Children identified by class and quantity.' })),
    action: ActionSchema,
    ...whyFields(),
  },
  {
    title: 'AggregationEvent',
    description: 'Children (childEPCs, childQuantityList) physically aggregated to, or removed from, a parent (parentID).',
    ...extensible,
    allOf: [childrenUnlessDelete],
  },
);

/** An event that links objects to a business transaction. */
export const TransactionEventSchema = Type.Object(
  {
    ...eventFields('TransactionEvent'),
    parentID: Type.Optional(uri({ description: 'The container, if the objects are in one.' })),
    epcList: Type.Optional(uriList({ description: 'The individual objects (EPCs).' })),
    quantityList: Type.Optional(quantityList({ description: 'Objects identified by class and quantity.' })),
    action: ActionSchema,
    ...whyFields(),
    // A TransactionEvent is about its business transactions, so here the list is required and non-empty.
    bizTransactionList: bizTransactionList({ minItems: 1, description: 'The business transactions, at least one.' }),
  },
  {
    title: 'TransactionEvent',
    description: 'Objects associated with (ADD), or disassociated from (DELETE), one or more business transactions.',
    ...extensible,
    allOf: [
      rule('epcList', 'is required (or a non-empty quantityList) unless action is DELETE', [
        has('epcList'),
        hasNonEmpty('quantityList'),
        isDelete,
      ]),
    ],
  },
);

const inputs = [hasNonEmpty('inputEPCList'), hasNonEmpty('inputQuantityList')];
const outputs = [hasNonEmpty('outputEPCList'), hasNonEmpty('outputQuantityList')];

/** An event where inputs are consumed to make outputs: processing, mixing, slaughter, manufacturing… */
export const TransformationEventSchema = Type.Object(
  {
    ...eventFields('TransformationEvent'),
    inputEPCList: Type.Optional(uriList({ unique: true, description: 'Individual inputs (EPCs).' })),
    inputQuantityList: Type.Optional(quantityList({ description: 'Inputs identified by class and quantity.' })),
    outputEPCList: Type.Optional(uriList({ unique: true, description: 'Individual outputs (EPCs).' })),
    outputQuantityList: Type.Optional(quantityList({ description: 'Outputs identified by class and quantity.' })),
    transformationID: Type.Optional(uri({ description: 'Links the parts of one transformation recorded in several events.' })),
    persistentDisposition: Type.Optional(PersistentDispositionSchema),
    ...whyFields(),
    ilmd: Type.Optional(IlmdSchema),
  },
  {
    title: 'TransformationEvent',
    description: 'Inputs consumed and outputs produced; a transformationID joins a transformation split over several events.',
    ...extensible,
    allOf: [
      rule(
        'inputEPCList',
        'or inputQuantityList, and outputEPCList or outputQuantityList, must be non-empty; with a transformationID one non-empty input or output list is enough',
        [
          { allOf: [{ anyOf: inputs }, { anyOf: outputs }] },
          { type: 'object', required: ['transformationID'], anyOf: [...inputs, ...outputs] },
        ],
      ),
    ],
  },
);

/** An event that associates objects (e.g. sensors, components) with a parent asset. */
export const AssociationEventSchema = Type.Object(
  {
    ...eventFields('AssociationEvent'),
    parentID: uri({ description: 'The parent, e.g. a GIAI of a returnable asset or a vehicle.' }),
    childEPCs: Type.Optional(uriList({ description: 'The individual children.' })),
    childQuantityList: Type.Optional(quantityList({ description: 'Children identified by class and quantity.' })),
    action: ActionSchema,
    ...whyFields(),
  },
  {
    title: 'AssociationEvent',
    description: 'Children associated with, or disassociated from, a parent without physical containment.',
    ...extensible,
    allOf: [childrenUnlessDelete],
  },
);
