import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { PublicLists } from '../../../trace/public-query/public-lists.js';
import { problemResponses } from '../../problem.js';

const Page = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false });
const Region = { region: Type.Optional(Type.String()), regionName: Type.Optional(Type.String()) };

const RecallView = Type.Object({
  recallId: Type.String(), unitId: Type.Optional(Type.String()), product: Type.String(),
  producer: Type.Object({ uscc: Type.String(), name: Type.String() }), reason: Type.String(), level: Type.Optional(Type.String()),
  sector: Type.Optional(Type.String()), startedAt: Type.String(), ...Region,
});
const ConsumerAlertView = Type.Object({ alertId: Type.String(), title: Type.String(), body: Type.String(), sector: Type.Optional(Type.String()), publishedAt: Type.String(), ...Region });
const BlacklistView = Type.Object({ uscc: Type.String(), name: Type.String(), reason: Type.String(), listedAt: Type.String(), until: Type.Optional(Type.String()), ...Region });

/** What regulators publish for everyone: recalls in force (召回), consumer alerts (消费提示), the quality blacklist (质量失信黑名单). */
export const publicListRoutes: FastifyPluginAsyncTypebox<{ lists: PublicLists }> = async (app, { lists }) => {
  const page = (q: { limit?: number; offset?: number }) => ({ limit: q.limit ?? 100, offset: q.offset ?? 0 });

  app.get('/recalls', {
    config: { access: 'public' },
    schema: { summary: 'Recalls in force', tags: ['Public lists'], querystring: Page, response: { 200: Type.Object({ items: Type.Array(RecallView) }), ...problemResponses } },
  }, async (request) => ({ items: await lists.recalls(page(request.query)) }));

  app.get('/consumer-alerts', {
    config: { access: 'public' },
    schema: { summary: 'Consumer alerts in force', tags: ['Public lists'], querystring: Page, response: { 200: Type.Object({ items: Type.Array(ConsumerAlertView) }), ...problemResponses } },
  }, async (request) => ({ items: await lists.consumerAlerts(page(request.query)) }));

  app.get('/blacklist', {
    config: { access: 'public' },
    schema: { summary: 'Enterprises on the quality blacklist', tags: ['Public lists'], querystring: Page, response: { 200: Type.Object({ items: Type.Array(BlacklistView) }), ...problemResponses } },
  }, async (request) => ({ items: await lists.blacklist(page(request.query)) }));
};
