import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { REPORT_CATEGORIES, type Reports } from '../../../capture/reports/reports.js';
import { sightOf } from '../../../domain/access/sight.js';
import { DomainError } from '../../../domain/errors.js';
import type { ConsumerReport, ReportStore } from '../../../store/report-store.js';
import { problemResponses } from '../../problem.js';

const ReportBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 500, description: 'The code on the product, as scanned or typed' }),
  category: Type.Union(REPORT_CATEGORIES.map((c) => Type.Literal(c)), { description: 'counterfeit 假冒伪劣, quality 质量问题, label 标签不符, expired 过期变质, other 其他' }),
  description: Type.String({ minLength: 1, maxLength: 2000 }),
  contact: Type.Optional(Type.String({ maxLength: 100, description: 'Phone or e-mail, only if the reporter wants an answer' })),
  photo: Type.Optional(Type.String({ maxLength: 2_900_000, description: 'data:image/jpeg;base64,… (JPEG, PNG or WebP, at most 2 MB)' })),
}, { additionalProperties: false });

const Receipt = Type.Object({ trackingNumber: Type.String(), status: Type.String(), createdAt: Type.String() });
const PublicReportView = Type.Object({
  trackingNumber: Type.String(), code: Type.String(), category: Type.String(), status: Type.String(), createdAt: Type.String(), answer: Type.Optional(Type.String()),
});
const ReportView = Type.Object({
  trackingNumber: Type.String(), code: Type.String(), unitId: Type.Optional(Type.String()), party: Type.Optional(Type.String()), region: Type.Optional(Type.String()),
  sector: Type.Optional(Type.String()), category: Type.String(), description: Type.String(), contact: Type.Optional(Type.String()), hasPhoto: Type.Boolean(),
  status: Type.String(), answer: Type.Optional(Type.String()), createdAt: Type.String(),
});

/** Reports from the public (投诉举报): anyone may report, rate-limited; the reporter looks it up by tracking number. */
export const reportRoutes: FastifyPluginAsyncTypebox<{ reports: Reports; store: ReportStore; perHour: number }> = async (app, { reports, store, perHour }) => {
  app.post('/', {
    config: { access: 'public', rateLimit: { max: perHour, timeWindow: '1 hour' } },
    schema: { summary: 'Report a problem with a coded product', tags: ['Public query'], body: ReportBody, response: { 201: Receipt, ...problemResponses, 429: Type.Ref('Problem') } },
  }, async (request, reply) => {
    const report = await reports.submit(request.body);
    return reply.status(201).send({ trackingNumber: report.trackingNumber, status: report.status, createdAt: report.createdAt });
  });

  app.get('/:trackingNumber', {
    config: { access: 'public' },
    schema: { summary: 'A report’s progress, by its tracking number', tags: ['Public query'], params: Type.Object({ trackingNumber: Type.String({ maxLength: 40 }) }), response: { 200: PublicReportView, ...problemResponses } },
  }, async (request) => {
    const report = await store.find(request.params.trackingNumber.trim().toUpperCase());
    if (!report) throw new DomainError('report_not_found', `未找到查询编号为${request.params.trackingNumber}的举报 / no report has tracking number ${request.params.trackingNumber}`);
    return report;
  });

  app.get('/', {
    config: { access: 'read' },
    schema: {
      summary: 'Reports about the products the caller answers for or supervises', tags: ['Public query'], security: [{ bearer: [] }, { session: [] }],
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ReportView) }), ...problemResponses },
    },
  }, async (request) => {
    const items = await store.list(sightOf(request.principal), { limit: request.query.limit ?? 100, offset: request.query.offset ?? 0 });
    return { items: items.map(({ photo, ...report }: ConsumerReport) => ({ ...report, hasPhoto: photo !== undefined })) };
  });
};
