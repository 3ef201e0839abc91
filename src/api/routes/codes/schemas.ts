import { Type } from '@sinclair/typebox';
import { MAX_CODES_PER_ISSUE } from '../../../capture/issue-codes.js';
import { MAX_LABELS_PER_PDF } from '../../../labels/issue-labels.js';

export const IssueCodesBody = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: MAX_CODES_PER_ISSUE, description: 'How many codes to issue' }),
    lot: Type.Optional(Type.String({ minLength: 1, description: 'The lot the coded items belong to (EPC URI, Digital Link or any URI)' })),
    product: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Product name or GTIN printed with the code' })),
  },
  { additionalProperties: false },
);

const CodeView = Type.Object({
  code: Type.String({ description: 'Compact form' }),
  display: Type.String({ description: 'Grouped form for labels and reading aloud' }),
  unit: Type.String({ description: 'Canonical unit id' }),
  lot: Type.Optional(Type.String()),
  product: Type.Optional(Type.String()),
  issuedAt: Type.String(),
  url: Type.String({ description: 'Public query URL, the content of the QR code' }),
});

/** Issues up to this many codes answer with every code; larger ones are read through their label files. */
export const INLINE_CODES_MAX = 10_000;

export const IssuedCodesView = Type.Object({
  issueId: Type.String(),
  issuedAt: Type.String(),
  count: Type.Integer({ description: 'Codes issued' }),
  codes: Type.Optional(Type.Array(CodeView, { description: `Every code, when the issue has at most ${INLINE_CODES_MAX.toLocaleString('en-US')}; read a larger issue through labels.csv` })),
  labels: Type.Object({ pdf: Type.String(), csv: Type.String() }, { description: 'Where to fetch the label sheets and the label-printer data of this issue' }),
});
export const CodeParams = Type.Object({ code: Type.String() });
export const ResolvedCodeView = CodeView;

export const IssueParams = Type.Object({ issueId: Type.String({ minLength: 1, description: 'The issueId returned when the codes were issued' }) });

const Position = (description: string) => Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,8}$', description }));

export const LabelRangeQuery = Type.Object(
  {
    from: Position('First label to print, counting the issue\'s codes in code order from 1 (default 1)'),
    count: Position(`How many labels (default: the rest of the issue; a PDF takes at most ${MAX_LABELS_PER_PDF.toLocaleString('en-US')})`),
  },
  { additionalProperties: false },
);

const attachment = (mediaType: string, description: string) => ({
  description,
  headers: { 'content-disposition': { type: 'string', description: 'attachment; filename="zhuisu-labels-<issueId>[-<first>-<last>].<ext>"' } },
  content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
});

export const LabelPdfResponse = attachment('application/pdf', 'A4 label sheets: QR code of the public query URL, product, lot and grouped code on each label');
export const LabelCsvResponse = attachment('text/csv', 'Label printer data, UTF-8 with BOM: code, display code, QR content, product, lot, issue id, issued at');
