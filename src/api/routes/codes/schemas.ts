import { Type } from '@sinclair/typebox';
import { MAX_CODES_PER_ISSUE } from '../../../capture/issue-codes.js';

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

export const IssuedCodesView = Type.Object({ issueId: Type.String(), issuedAt: Type.String(), codes: Type.Array(CodeView) });
export const CodeParams = Type.Object({ code: Type.String() });
export const ResolvedCodeView = CodeView;
