import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sightOf } from '../../../domain/access/sight.js';
import { Type } from '@sinclair/typebox';
import type { Registry } from '../../../capture/registry/registry.js';
import { DomainError } from '../../../domain/errors.js';
import type { PartyStore } from '../../../store/party-store.js';
import type { QuotaStore } from '../../../store/quota-store.js';
import type { SiteStore } from '../../../store/site-store.js';
import { checkActsFor } from '../../../domain/access/principal.js';
import { checkRegionCode, findRegion } from '../../../domain/ids/region.js';
import { problemResponses } from '../../problem.js';
import { PartyBody, PartyParams, PartyView, QuotaBody, QuotaView, RegisteredPartyView } from './schemas.js';

/** Parties (追溯主体) registered under their 统一社会信用代码, and their quotas. */
export const partyRoutes: FastifyPluginAsyncTypebox<{ registry: Registry; parties: PartyStore; quotas: QuotaStore; sites: SiteStore; now: () => Date }> = async (app, { registry, parties, quotas, sites, now }) => {
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

  const SiteView = Type.Object({ site: Type.String(), name: Type.String(), region: Type.String(), regionName: Type.Optional(Type.String()), registeredAt: Type.String() });
  const named = <T extends { region: string }>(site: T) => {
    const regionName = findRegion(site.region)?.fullName;
    return regionName ? { ...site, regionName } : site;
  };

  app.get('/:uscc/sites', {
    config: { access: 'read' },
    schema: { summary: 'The places of a party beyond its main site', tags: ['Parties'], security: [{ bearer: [] }], params: PartyParams, response: { 200: Type.Object({ items: Type.Array(SiteView) }), ...problemResponses } },
  }, async (request) => ({ items: (await sites.listOf(request.params.uscc.trim().toUpperCase())).map(named) }));

  app.post('/:uscc/sites', {
    config: { access: 'register' },
    schema: {
      summary: 'Register a place of the party: a farm, a warehouse, a shop', tags: ['Parties'], security: [{ bearer: [] }], params: PartyParams,
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), region: Type.String({ minLength: 6, maxLength: 6, description: 'GB/T 2260 code' }) }, { additionalProperties: false }),
      response: { 201: SiteView, ...problemResponses, ...conflict },
    },
  }, async (request, reply) => {
    const uscc = request.params.uscc.trim().toUpperCase();
    checkActsFor(request.principal, uscc, 'party');
    if (!(await parties.find(uscc))) throw new DomainError('party_not_found', `统一社会信用代码${uscc}未登记 / no party is registered under ${uscc}`);
    const region = checkRegionCode(request.body.region);
    if (!region.ok) throw new DomainError('invalid_request', `region: ${region.reason}`, { field: 'region' });
    const site = { site: `urn:zhuisu:site:${uscc}:${(await sites.countOf(uscc)) + 1}`, party: uscc, name: request.body.name.trim(), region: request.body.region, registeredAt: now().toISOString() };
    if (!(await sites.add(site))) throw new DomainError('already_registered', `地点${site.site}已登记 / site ${site.site} is registered already`);
    return reply.status(201).send(named(site));
  });
};
