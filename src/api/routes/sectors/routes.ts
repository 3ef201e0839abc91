import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Profiles } from '../../../capture/records/profiles.js';
import { DomainError } from '../../../domain/errors.js';
import { problemResponses } from '../../problem.js';
import { ProfileSchema, ProfileSummary, SectorParams, SectorQuery } from './schemas.js';

/** The sector profiles: stages, data elements and rules of each product class, readable by anyone who records. */
export const sectorRoutes: FastifyPluginAsyncTypebox<{ profiles: Profiles }> = async (app, { profiles }) => {
  app.get('/', {
    config: { access: 'public' },
    schema: { summary: 'The sector profiles in force (latest versions)', tags: ['Sectors'], response: { 200: Type.Array(ProfileSummary) } },
  }, async () => (await profiles.latest()).map((p) => ({ id: p.id, version: p.version, name: p.name, stages: p.stages.map((s) => ({ id: s.id, name: s.name })) })));

  app.get('/:sector', {
    config: { access: 'public' },
    schema: { summary: 'One sector profile, the latest or a given version', tags: ['Sectors'], params: SectorParams, querystring: SectorQuery, response: { 200: ProfileSchema, ...problemResponses } },
  }, async (request) => {
    const version = request.query.version === undefined ? undefined : Number(request.query.version);
    const profile = await profiles.find(request.params.sector, version);
    if (!profile) throw new DomainError('sector_not_found', `没有“${request.params.sector}”行业${version ? `的版本${version}` : ''} / no sector profile "${request.params.sector}"${version ? ` version ${version}` : ''}`);
    return profile;
  });

  app.post('/', {
    config: { access: 'administer' },
    schema: {
      summary: 'Register a new sector, or a new version of one, as data',
      tags: ['Sectors'],
      security: [{ bearer: [] }],
      body: ProfileSchema,
      response: { 201: Type.Object({ id: Type.String(), version: Type.Integer() }), ...problemResponses, 409: Type.Ref('Problem') },
    },
  }, async (request, reply) => {
    await profiles.register(request.body, request.actor);
    return reply.status(201).send({ id: request.body.id, version: request.body.version });
  });
};
