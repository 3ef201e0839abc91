import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Recorder } from '../../../capture/records/record-capture.js';
import { checkActsFor } from '../../../domain/access/principal.js';
import { sightOf } from '../../../domain/access/sight.js';
import { DomainError } from '../../../domain/errors.js';
import type { SectorRecordStore } from '../../../store/sector-record-store.js';
import { problemResponses } from '../../problem.js';
import { RecordBody, RecordParams, RecordResultView, RecordView } from './schemas.js';

/** Sector stage records in plain terms, turned into standard EPCIS events. */
export const recordRoutes: FastifyPluginAsyncTypebox<{ recorder: Recorder; records: SectorRecordStore }> = async (app, { recorder, records }) => {
  app.post('/', {
    config: { access: 'record' },
    schema: {
      summary: 'Record a sector stage (生产、检疫、屠宰、充装、销售…) in plain terms',
      description: 'The record is checked against its sector profile and rules, and stored as a standard EPCIS event whose data elements are zhuisu: extension fields.',
      tags: ['Records'],
      security: [{ bearer: [] }],
      body: RecordBody,
      response: { 201: RecordResultView, 200: RecordResultView, ...problemResponses, 422: Type.Ref('Problem') },
    },
  }, async (request, reply) => {
    checkActsFor(request.principal, request.body.party, 'party');
    const result = await recorder.record(request.body, { actor: request.actor });
    return reply.status(result.created ? 201 : 200).send(result);
  });

  app.get('/:recordId', {
    config: { access: 'read' },
    schema: { summary: 'One sector record', tags: ['Records'], security: [{ bearer: [] }], params: RecordParams, response: { 200: RecordView, ...problemResponses } },
  }, async (request) => {
    const found = await records.find(request.params.recordId, sightOf(request.principal));
    if (!found) throw new DomainError('record_not_found', `没有记录${request.params.recordId} / no record ${request.params.recordId}`);
    return found;
  });
};
