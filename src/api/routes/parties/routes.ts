import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sightOf } from '../../../domain/access/sight.js';
import { Type } from '@sinclair/typebox';
import type { Registry } from '../../../capture/registry/registry.js';
import { DomainError } from '../../../domain/errors.js';
import type { PartyStore } from '../../../store/party-store.js';
import type { QuotaStore } from '../../../store/quota-store.js';
import { problemResponses } from '../../problem.js';
import { PartyBody, PartyParams, PartyView, QuotaBody, QuotaView, RegisteredPartyView } from './schemas.js';

/** Parties (追溯主体) registered under their 统一社会信用代码, and their quotas. */
export const partyRoutes: FastifyPluginAsyncTypebox<{ registry: Registry; parties: PartyStore; quotas: QuotaStore }> = async (app, { registry, parties, quotas }) => {
  const conflict = { 409: Type.Ref('Problem') };

  app.post('/', {
    config: { access: 'administer' },
    schema: { summary: 'Register a party under its unified social credit code', tags: ['Parties'], security: [{ bearer: [] }], body: PartyBody, response: { 201: RegisteredPartyView, ...problemResponses, ...conflict } },
  }, async (request, reply) => reply.status(201).send(await registry.registerParty(request.body, request.actor)));

  app.get('/:uscc', {
    config: { access: 'read' },
    schema: { summary: 'A registered party', tags: ['Parties'], security: [{ bearer: [] }], params: PartyParams, response: { 200: PartyView, ...problemResponses } },
  }, async (request) => {
    const party = await parties.find(request.params.uscc.trim().toUpperCase());
    if (!party) throw new DomainError('party_not_found', `统一社会信用代码${request.params.uscc}未登记 / no party is registered under ${request.params.uscc}`);
    return party;
  });

  app.post('/:uscc/quotas', {
    config: { access: 'supervise' },
    schema: { summary: 'Register an output quota of the party (生产总量控制指标)', tags: ['Parties'], security: [{ bearer: [] }], params: PartyParams, body: QuotaBody, response: { 201: QuotaView, ...problemResponses, ...conflict } },
  }, async (request, reply) => reply.status(201).send(await registry.registerQuota({ ...request.body, party: request.params.uscc.trim().toUpperCase() }, request.actor, sightOf(request.principal))));

  app.get('/:uscc/quotas', {
    config: { access: 'read' },
    schema: { summary: 'The quotas of a party', tags: ['Parties'], security: [{ bearer: [] }], params: PartyParams, response: { 200: Type.Array(QuotaView), ...problemResponses } },
  }, async (request) => quotas.listOf(request.params.uscc.trim().toUpperCase(), sightOf(request.principal)));
};
