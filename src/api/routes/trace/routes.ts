import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sightOf } from '../../../domain/access/sight.js';
import type { Trace } from '../../../trace/trace.js';
import { traceToCsv } from '../../../trace/trace-csv.js';
import { problemResponses } from '../../problem.js';
import { TraceParams, TraceQuery, TraceView } from './schemas.js';

/** Backward (溯源) and forward (追踪) traces, as JSON and as a sortable spreadsheet. */
export const traceRoutes: FastifyPluginAsyncTypebox<{ trace: Trace }> = async (app, { trace }) => {
  app.get('/:id', {
    config: { access: 'public' },
    schema: {
      summary: 'Trace a unit backward, forward or both',
      description: 'Walks only the events the caller may see and says where the chain goes on out of sight (visibility). The public traces backward only, and reads only the fields the sector profiles mark public.',
      params: TraceParams,
      querystring: TraceQuery,
      response: { 200: TraceView, ...problemResponses },
    },
  }, async (request) => trace.trace(request.params.id, { direction: request.query.direction ?? 'both', sight: sightOf(request.principal) }));

  app.get('/:id/export.csv', {
    config: { access: 'public' },
    schema: {
      summary: 'The same trace as a CSV spreadsheet, one row per event',
      tags: ['Trace'],
      params: TraceParams,
      querystring: TraceQuery,
      produces: ['text/csv'],
      response: { 200: Type.String({ description: 'CSV, UTF-8 with BOM' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const result = await trace.trace(request.params.id, { direction: request.query.direction ?? 'both', sight: sightOf(request.principal) });
    // A BOM lets spreadsheet programs on Chinese Windows read the file as UTF-8.
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="trace.csv"`)
      .send(`\uFEFF${traceToCsv(result)}`);
  });
};
