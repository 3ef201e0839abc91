import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { CodeIssuer } from '../../../capture/issue-codes.js';
import { DomainError } from '../../../domain/errors.js';
import { formatTraceCode, parseTraceCode } from '../../../domain/ids/trace-code.js';
import { sightOf } from '../../../domain/access/sight.js';
import { createIssueLabels } from '../../../labels/issue-labels.js';
import { traceQueryUrl } from '../../../labels/query-url.js';
import type { CodeStore, IssuedCode } from '../../../store/code-store.js';
import { problemResponses } from '../../problem.js';
import { CodeParams, INLINE_CODES_MAX, IssueCodesBody, IssuedCodesView, IssueParams, LabelCsvResponse, LabelPdfResponse, LabelRangeQuery, ResolvedCodeView } from './schemas.js';

/** The platform's own trace codes: issue them for a product or lot, print their labels, resolve one to its unit. */
export const codeRoutes: FastifyPluginAsyncTypebox<{ issuer: CodeIssuer; codes: CodeStore; publicBaseUrl: string }> = async (app, { issuer, codes, publicBaseUrl }) => {
  const view = (c: IssuedCode) => ({
    code: c.code,
    display: formatTraceCode(c.code),
    unit: c.unitId,
    ...(c.lotId ? { lot: c.lotId } : {}),
    ...(c.product ? { product: c.product } : {}),
    issuedAt: c.issuedAt,
    url: traceQueryUrl(publicBaseUrl, c.code),
  });
  const labels = createIssueLabels({ codes, publicBaseUrl });
  const rangeOf = (query: { from?: string; count?: string }) => ({
    ...(query.from ? { from: Number(query.from) } : {}),
    ...(query.count ? { count: Number(query.count) } : {}),
  });

  app.post('/', {
    config: { access: 'record' },
    schema: { summary: 'Issue trace codes for a product or lot', tags: ['Trace codes'], security: [{ bearer: [] }], body: IssueCodesBody, response: { 201: IssuedCodesView, ...problemResponses } },
  }, async (request, reply) => {
    const issued = await issuer.issue(request.body, request.principal.enterprise);
    const files = `/api/v1/codes/issues/${issued.issueId}/labels`;
    // A million codes as JSON would be a quarter of a gigabyte; a large issue is read through its CSV instead.
    return reply.status(201).send({
      issueId: issued.issueId,
      issuedAt: issued.issuedAt,
      count: issued.codes.length,
      ...(issued.codes.length <= INLINE_CODES_MAX ? { codes: issued.codes.map(view) } : {}),
      labels: { pdf: `${files}.pdf`, csv: `${files}.csv` },
    });
  });

  app.get('/issues', {
    config: { access: 'record' },
    schema: {
      summary: 'The issues of trace codes whose labels the caller may print, newest first',
      tags: ['Trace codes'],
      security: [{ bearer: [] }],
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({ issueId: Type.String(), issuedAt: Type.String(), lotId: Type.Optional(Type.String()), product: Type.Optional(Type.String()), count: Type.Integer() })) }),
        ...problemResponses,
      },
    },
  }, async (request) => ({ items: await codes.listIssues(sightOf(request.principal), { limit: request.query.limit ?? 100, offset: request.query.offset ?? 0 }) }));

  app.get('/issues/:issueId/labels.pdf', {
    config: { access: 'record' },
    schema: {
      summary: 'Label sheets (A4 PDF, 3 × 8 labels of 70 × 37 mm) for the codes of one issue',
      tags: ['Trace codes'],
      security: [{ bearer: [] }],
      params: IssueParams,
      querystring: LabelRangeQuery,
      response: { 200: LabelPdfResponse, ...problemResponses },
    },
  }, async (request, reply) => {
    const file = await labels.pdf(request.params.issueId, rangeOf(request.query), sightOf(request.principal));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
  });

  app.get('/issues/:issueId/labels.csv', {
    config: { access: 'record' },
    schema: {
      summary: 'Label printer data (CSV) for the codes of one issue, streamed',
      tags: ['Trace codes'],
      security: [{ bearer: [] }],
      params: IssueParams,
      querystring: LabelRangeQuery,
      response: { 200: LabelCsvResponse, ...problemResponses },
    },
  }, async (request, reply) => {
    const file = await labels.csv(request.params.issueId, rangeOf(request.query), sightOf(request.principal));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
  });

  app.get('/:code', {
    config: { access: 'public' },
    schema: { summary: 'Resolve a trace code to its unit', tags: ['Trace codes'], params: CodeParams, response: { 200: ResolvedCodeView, ...problemResponses } },
  }, async (request) => {
    const { code } = parseTraceCode(request.params.code);
    const found = await codes.find(code);
    if (!found) throw new DomainError('code_not_found', `trace code ${request.params.code} is not registered on this platform; it may be counterfeit`);
    return view(found);
  });
};
