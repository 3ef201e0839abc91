import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Inspections } from '../../../capture/inspections/inspections.js';
import { sightOf } from '../../../domain/access/sight.js';
import { DomainError } from '../../../domain/errors.js';
import type { InspectionStore } from '../../../store/inspection-store.js';
import { problemResponses } from '../../problem.js';
import { RecordResultView } from '../records/schemas.js';
import { InspectionListQuery, InspectionParams, InspectionRequestBody, InspectionRequestView, InspectionResultBody } from './schemas.js';

/** Inspection requests (检验委托) and the results inspection bodies attach to them. */
export const inspectionRoutes: FastifyPluginAsyncTypebox<{ inspections: Inspections; store: InspectionStore }> = async (app, { inspections, store }) => {
  app.post('/', {
    config: { access: 'request_inspection' },
    schema: {
      summary: 'Ask an inspection body to inspect a unit',
      tags: ['Inspections'],
      security: [{ bearer: [] }],
      body: InspectionRequestBody,
      response: { 201: InspectionRequestView, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await inspections.request(request.body, request.principal, request.actor)));

  app.get('/', {
    config: { access: 'read' },
    schema: {
      summary: 'Inspection requests: those sent to the caller\'s inspection body or made by its enterprise, newest first',
      tags: ['Inspections'],
      security: [{ bearer: [] }],
      querystring: InspectionListQuery,
      response: { 200: Type.Array(InspectionRequestView), ...problemResponses },
    },
  }, async (request) => store.list(sightOf(request.principal), request.principal.id, {
    open: request.query.open === 'true', limit: Number(request.query.limit ?? 100), offset: Number(request.query.offset ?? 0),
  }));

  app.get('/:requestId', {
    config: { access: 'read' },
    schema: { summary: 'One inspection request', tags: ['Inspections'], security: [{ bearer: [] }], params: InspectionParams, response: { 200: InspectionRequestView, ...problemResponses } },
  }, async (request) => {
    const found = await store.find(request.params.requestId, sightOf(request.principal), request.principal.id);
    if (!found) throw new DomainError('inspection_request_not_found', `没有检验委托${request.params.requestId} / no inspection request ${request.params.requestId}`);
    return found;
  });

  app.post('/:requestId/result', {
    config: { access: 'inspect' },
    schema: {
      summary: 'Attach the inspection result to the requested unit (the inspection body asked only, once)',
      tags: ['Inspections'],
      security: [{ bearer: [] }],
      params: InspectionParams,
      body: InspectionResultBody,
      response: { 201: Type.Object({ request: InspectionRequestView, record: RecordResultView }), ...problemResponses, 409: Type.Ref('Problem'), 422: Type.Ref('Problem') },
    },
  }, async (request, reply) => reply.status(201).send(await inspections.attachResult(request.params.requestId, request.body, request.principal, request.actor)));
};
