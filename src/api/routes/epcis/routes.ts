import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifySchemaCompiler } from 'fastify';
import type { Capture } from '../../../capture/capture-events.js';
import { EpcisDocumentSchema, EpcisEventSchema } from '../../../capture/epcis-schema.js';
import { sightOf } from '../../../domain/access/sight.js';
import { DomainError } from '../../../domain/errors.js';
import { EVENT_TYPES } from '../../../domain/event.js';
import { pageTokenAfter, parseEventQuery } from '../../../domain/event-query.js';
import type { CaptureJob, EventStore } from '../../../store/event-store.js';
import { rawJsonBody } from '../../plugins/json-body.js';
import { problemResponses } from '../../problem.js';
import { EPCIS_CONTEXT, queryDocument, withContext } from './query-document.js';
import { CaptureIdParams, CaptureJobView, EventIdParams, EventQueryString, EventTypeCollection, EventView, QueryDocumentView } from './schemas.js';

// The capture pipeline validates documents itself (so the CLI gets the same checks and messages);
// the body schema is declared for the OpenAPI document only.
const validatedByCapture: FastifySchemaCompiler<unknown> = () => (value) => ({ value });

/** EPCIS 2.0 REST binding: capture and query (EPCIS 2.0 §12). */
export const epcisRoutes: FastifyPluginAsyncTypebox<{ capture: Capture; events: EventStore; now: () => Date }> = async (app, { capture, events, now }) => {
  app.post('/capture', {
    config: { access: 'record', rawJson: true },
    validatorCompiler: validatedByCapture,
    schema: {
      summary: 'Capture an EPCISDocument (atomic: every event is stored or none)',
      tags: ['EPCIS'],
      security: [{ bearer: [] }],
      body: EpcisDocumentSchema,
      response: { 202: CaptureJobView, ...problemResponses, 413: problemResponses[400], 415: problemResponses[400] },
    },
  }, async (request, reply) => {
    const job = await capture.captureDocumentJson(rawJsonBody(request), request.actor);
    return reply.status(202).header('Location', `${app.prefix}/capture/${encodeURIComponent(job.captureId)}`).send(toJobView(job));
  });

  app.get('/capture/:captureID', {
    config: { access: 'read' },
    schema: { summary: 'Report a capture job (to the enterprise that sent it)', tags: ['EPCIS'], security: [{ bearer: [] }], params: CaptureIdParams, response: { 200: CaptureJobView, ...problemResponses } },
  }, async (request) => {
    const job = await events.findJob(request.params.captureID, sightOf(request.principal));
    if (!job) throw new DomainError('capture_job_not_found', `no capture job ${request.params.captureID}`);
    return toJobView(job);
  });

  app.post('/events', {
    config: { access: 'record', rawJson: true },
    validatorCompiler: validatedByCapture,
    schema: {
      summary: 'Capture one EPCIS event',
      tags: ['EPCIS'],
      security: [{ bearer: [] }],
      body: EpcisEventSchema,
      response: { 201: EventView, 200: EventView, ...problemResponses, 415: problemResponses[400] },
    },
  }, async (request, reply) => {
    const { eventId, created } = await capture.captureEvent({ json: rawJsonBody(request) }, request.actor);
    const stored = await events.find(eventId, sightOf(request.principal));
    const { context, bodies } = withContext(stored ? [stored] : []);
    return reply
      .status(created ? 201 : 200)
      .header('Location', `${app.prefix}/events/${encodeURIComponent(eventId)}`)
      .send({ '@context': context, ...bodies[0] });
  });

  app.get('/events', {
    config: { access: 'read' },
    schema: {
      summary: 'Query events (SimpleEventQuery parameters)',
      description: 'Answers only the events the caller may see: an enterprise its own and those naming it as source or destination, a regulator those of its region and sectors.',
      tags: ['EPCIS'],
      security: [{ bearer: [] }],
      querystring: EventQueryString,
      response: { 200: QueryDocumentView, ...problemResponses },
    },
  }, async (request, reply) => {
    const query = parseEventQuery(request.query);
    const page = await events.query(query, sightOf(request.principal));
    if (page.hasMore && page.lastSeq !== undefined) {
      const next = new URLSearchParams({ ...definedEntries(request.query), nextPageToken: pageTokenAfter(page.lastSeq) });
      reply.header('Link', `<${app.prefix}/events?${next.toString()}>; rel="next"`);
    }
    return queryDocument(page.events, { now: now() });
  });

  app.get('/events/:eventID', {
    config: { access: 'read' },
    schema: { summary: 'One event by its eventID', tags: ['EPCIS'], security: [{ bearer: [] }], params: EventIdParams, response: { 200: EventView, ...problemResponses } },
  }, async (request) => {
    const event = await events.find(request.params.eventID, sightOf(request.principal));
    if (!event) throw new DomainError('event_not_found', `no event with eventID ${request.params.eventID}`);
    const { context, bodies } = withContext([event]);
    return { '@context': context, ...bodies[0] };
  });

  app.get('/eventTypes', {
    config: { access: 'public' },
    schema: { summary: 'The event types this repository holds', tags: ['EPCIS'], response: { 200: EventTypeCollection } },
  }, async () => ({ '@context': [EPCIS_CONTEXT], type: 'Collection' as const, member: [...EVENT_TYPES] }));
};

function toJobView(job: CaptureJob) {
  return {
    captureID: job.captureId,
    createdAt: job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    running: job.status === 'running',
    success: job.status === 'success',
    captureErrorBehaviour: 'rollback' as const,
    errors: job.errors,
    eventCount: job.eventCount,
    storedCount: job.storedCount,
  };
}

function definedEntries(query: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== 'nextPageToken') out[k] = v;
  return out;
}
