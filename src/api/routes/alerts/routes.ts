import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sightOf } from '../../../domain/access/sight.js';
import { Type } from '@sinclair/typebox';
import type { Recorder } from '../../../capture/records/record-capture.js';
import type { AlertStore } from '../../../store/alert-store.js';
import { problemResponses } from '../../problem.js';

const AlertView = Type.Object({
  alertId: Type.String(),
  rule: Type.String(),
  sector: Type.String(),
  party: Type.Optional(Type.String()),
  unitId: Type.Optional(Type.String()),
  recordId: Type.Optional(Type.String()),
  message: Type.String(),
  details: Type.Object({}, { additionalProperties: true }),
  raisedAt: Type.String(),
  status: Type.String(),
});

/** Alerts raised by sector rules (预警), for regulators. */
export const alertRoutes: FastifyPluginAsyncTypebox<{ recorder: Recorder; alerts: AlertStore; now: () => Date }> = async (app, { recorder, alerts, now }) => {
  app.get('/', {
    config: { access: 'supervise' },
    schema: {
      summary: 'Alerts, newest first',
      tags: ['Alerts'],
      security: [{ bearer: [] }],
      querystring: Type.Object({
        sector: Type.Optional(Type.String({ maxLength: 64 })),
        rule: Type.Optional(Type.String({ maxLength: 100 })),
        party: Type.Optional(Type.String({ maxLength: 32 })),
        limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$', description: '1 to 1000, default 100' })),
        offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$', description: 'default 0' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Array(AlertView), ...problemResponses },
    },
  }, async (request) => {
    const { sector, rule, party } = request.query;
    return alerts.list(sightOf(request.principal), { limit: Number(request.query.limit ?? 100), offset: Number(request.query.offset ?? 0), ...(sector ? { sector } : {}), ...(rule ? { rule } : {}), ...(party ? { party } : {}) });
  });

  app.post('/sweep', {
    config: { access: 'administer' },
    schema: { summary: 'Look for overdue units now (an elevator past its 15-day maintenance) and raise their alerts', tags: ['Alerts'], security: [{ bearer: [] }], response: { 200: Type.Array(AlertView), ...problemResponses } },
  }, async () => recorder.sweepOverdue(now()));
};
