import { Type } from '@sinclair/typebox';
import type { SchemaOptions } from '@sinclair/typebox';
import {
  BizTransactionTypeSchema,
  DispositionSchema,
  ErrorReasonSchema,
  SourceDestTypeSchema,
  stringEnum,
} from './cbv.js';

// EPCIS 2.0 JSON binding: a user extension field is a JSON-LD term with a namespace prefix declared in
// @context (`example:myField`) or a full URI: an RFC 3986 URI (no IP-literal hosts or user info). Every
// repeated group starts with a character the group before it cannot contain, so matching never backtracks.
const PCHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})";
const HOST_CHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})";
const QUERY_CHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})";
const EXTENSION_KEY =
  `^[A-Za-z][A-Za-z0-9+.-]*:` +
  `(?://${HOST_CHAR}*(?::[0-9]*)?(?:/${PCHAR}*)*|/(?:${PCHAR}+(?:/${PCHAR}*)*)?|${PCHAR}+(?:/${PCHAR}*)*)` +
  `(?:\\?${QUERY_CHAR}*)?(?:#${QUERY_CHAR}*)?$`;

/** Object options for a standard EPCIS structure: its own fields plus namespaced extension fields, nothing else. */
export const extensible = {
  additionalProperties: false,
  patternProperties: { [EXTENSION_KEY]: Type.Unknown() },
} satisfies SchemaOptions;

/** An absolute URI: an EPC URN, a GS1 Digital Link, or any other URI. */
export function uri(options: SchemaOptions = {}) {
  return Type.String({ format: 'uri', ...options });
}

/** An RFC 3339 date and time with a time-zone offset, e.g. `2024-05-01T08:30:00.000+08:00`. */
export function dateTime(options: SchemaOptions = {}) {
  return Type.String({ format: 'date-time', ...options });
}

/** A list of URIs; `unique` refuses a URI listed twice. */
export function uriList(options: SchemaOptions & { unique?: boolean } = {}) {
  const { unique, ...rest } = options;
  return Type.Array(uri(), unique === true ? { ...rest, uniqueItems: true } : rest);
}

/** The JSON-LD context: a URI, an inline context object, or a list of those. */
export const ContextSchema = Type.Union(
  [uri(), Type.Object({}), Type.Array(Type.Union([uri(), Type.Object({})]), { uniqueItems: true })],
  {
    title: 'JSON-LD context',
    description: 'The JSON-LD @context: the EPCIS context URI, optionally followed by objects declaring extension prefixes.',
  },
);

/** The action of an event: whether it creates, observes or ends the link it records. */
export const ActionSchema = stringEnum(['ADD', 'OBSERVE', 'DELETE'], {
  title: 'Action',
  description: 'ADD creates or adds to what the event records, OBSERVE only sees it, DELETE removes or ends it.',
});

/** The local time-zone offset in force where the event took place. */
export const TimeZoneOffsetSchema = Type.String({
  title: 'Event time-zone offset',
  description: 'The time-zone offset in force where the event took place, from -14:00 to +14:00.',
  pattern: '^[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00)$',
  examples: ['+08:00'],
});

/** A quantity of objects of one class (EPC class, GTIN+lot, …). */
export const QuantityElementSchema = Type.Object(
  {
    epcClass: uri({ description: 'The class of the objects, e.g. urn:epc:class:lgtin:4012345.012345.998877.' }),
    quantity: Type.Optional(Type.Number({ description: 'How many; omit to say "an unknown quantity".' })),
    uom: Type.Optional(
      Type.String({
        pattern: '^[A-Z0-9]{2,3}$',
        description: 'UN/CEFACT Rec. 20 unit code, e.g. KGM; omit when counting items.',
      }),
    ),
  },
  { title: 'Quantity element', additionalProperties: false },
);

/** A list of quantity elements. */
export function quantityList(options: SchemaOptions = {}) {
  return Type.Array(QuantityElementSchema, options);
}

function place(title: string, description: string) {
  return Type.Object({ id: uri({ description: 'The location identifier, e.g. an SGLN URN.' }) }, { title, description });
}

/** Where the event was observed. */
export const ReadPointSchema = place('Read point', 'The place where the event was observed.');

/** Where the objects are expected to be after the event. */
export const BizLocationSchema = place('Business location', 'The place where the objects are after the event, until a later event says otherwise.');

/** A business transaction (order, invoice, …) the event belongs to. */
export const BizTransactionSchema = Type.Object(
  {
    type: Type.Optional(BizTransactionTypeSchema),
    bizTransaction: uri({ description: 'The transaction identifier, e.g. urn:epcglobal:cbv:bt:0614141073467:1152.' }),
  },
  { title: 'Business transaction', additionalProperties: false },
);

/** A list of business transactions. */
export function bizTransactionList(options: SchemaOptions = {}) {
  return Type.Array(BizTransactionSchema, options);
}

/** Where the objects come from in a transfer of ownership, custody or location. */
export const SourceSchema = Type.Object(
  { type: SourceDestTypeSchema, source: uri({ description: 'The party or location identifier.' }) },
  { title: 'Source', additionalProperties: false },
);

/** Where the objects go to in a transfer of ownership, custody or location. */
export const DestinationSchema = Type.Object(
  { type: SourceDestTypeSchema, destination: uri({ description: 'The party or location identifier.' }) },
  { title: 'Destination', additionalProperties: false },
);

/** A declaration that an earlier capture of this event was in error. */
export const ErrorDeclarationSchema = Type.Object(
  {
    declarationTime: dateTime({ description: 'When the error was declared.' }),
    reason: Type.Optional(ErrorReasonSchema),
    correctiveEventIDs: Type.Optional(uriList({ description: 'The events that correct this one.' })),
  },
  { title: 'Error declaration', ...extensible },
);

/** One certificate URI or a list of them. */
export const CertificationInfoSchema = Type.Union([uri(), Type.Array(uri())], {
  title: 'Certification information',
  description: 'A URI, or a list of URIs, of certificates that apply to the event.',
});

/** Dispositions that stay set on the objects until unset by a later event. */
export const PersistentDispositionSchema = Type.Object(
  {
    set: Type.Optional(Type.Array(DispositionSchema, { minItems: 1, uniqueItems: true })),
    unset: Type.Optional(Type.Array(DispositionSchema, { minItems: 1, uniqueItems: true })),
  },
  {
    title: 'Persistent disposition',
    description: 'Dispositions to set and/or unset; at least one of the two lists is given.',
    additionalProperties: false,
    minProperties: 1,
  },
);

/** Instance/lot master data (ILMD): namespaced fields such as `cbvmda:lotNumber`. */
export const IlmdSchema = Type.Record(Type.String({ pattern: EXTENSION_KEY }), Type.Unknown(), {
  title: 'Instance/lot master data',
  description: 'Master data about the objects created by the event; every key has a namespace prefix, e.g. cbvmda:lotNumber.',
  additionalProperties: false,
});
