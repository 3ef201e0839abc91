import { Type } from '@sinclair/typebox';
import { extensible, uri } from './fields.js';

const AttributeSchema = Type.Object(
  {
    id: uri({ description: 'The attribute name, e.g. urn:epcglobal:cbv:mda#name.' }),
    attribute: Type.Optional(Type.Union([Type.Number(), Type.String(), Type.Object({})], { description: 'The attribute value.' })),
  },
  { title: 'Master data attribute' },
);

const VocabularyElementSchema = Type.Object(
  {
    id: uri({ description: 'The identifier the master data is about, e.g. an SGLN.' }),
    attributes: Type.Optional(Type.Array(AttributeSchema)),
    children: Type.Optional(Type.Array(uri())),
  },
  { title: 'Vocabulary element' },
);

/** A master-data vocabulary: the elements of one kind (locations, products…) and their attributes. */
export const VocabularySchema = Type.Object(
  {
    type: uri({ description: 'The vocabulary, e.g. urn:epcglobal:epcis:vtype:BusinessLocation.' }),
    vocabularyElementList: Type.Optional(Type.Array(VocabularyElementSchema)),
  },
  { title: 'Vocabulary' },
);

/** The optional document header: master data for the identifiers used in the events. */
export const EpcisHeaderSchema = Type.Object(
  {
    epcisMasterData: Type.Optional(
      Type.Object(
        { vocabularyList: Type.Optional(Type.Array(VocabularySchema)) },
        { title: 'EPCIS master data', description: 'Master data (e.g. location names) sent along with the events.' },
      ),
    ),
  },
  { title: 'EPCIS header', ...extensible },
);
