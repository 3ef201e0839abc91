import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Registry } from '../../../capture/registry/registry.js';
import type { CatalogueStore } from '../../../store/catalogue-store.js';
import { problemResponses } from '../../problem.js';

const Text = Type.Object({ zh: Type.String({ minLength: 1, maxLength: 100 }), en: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
const List = Type.Union([Type.Literal('key'), Type.Literal('encouraged')], { description: '重点 key list or 鼓励 encouraged list' });

const EntryView = Type.Object({
  id: Type.String(),
  scope: Type.String({ description: 'national, or the GB/T 2260 code of the region keeping a local entry' }),
  sector: Type.String(),
  productKind: Type.String(),
  name: Text,
  list: List,
  compatibleWith: Type.Optional(Type.String()),
  addedIn: Type.Integer(),
  retiredIn: Type.Optional(Type.Integer()),
});

const EntryBody = Type.Object({
  scope: Type.String({ minLength: 1, maxLength: 8, description: 'national, or a GB/T 2260 region code for a local catalogue' }),
  sector: Type.String({ minLength: 1, maxLength: 64 }),
  productKind: Type.String({ minLength: 1, maxLength: 64 }),
  name: Text,
  list: List,
  compatibleWith: Type.Optional(Type.String({ maxLength: 120, description: 'The national entry a local entry refines' })),
}, { additionalProperties: false });

/** The important-product catalogue (重要产品目录): national and local, versioned, extended and retired by administrators. */
export const catalogueRoutes: FastifyPluginAsyncTypebox<{ registry: Registry; catalogue: CatalogueStore }> = async (app, { registry, catalogue }) => {
  app.get('/', {
    config: { access: 'public' },
    schema: {
      summary: 'The catalogue at its current or an earlier version',
      tags: ['Catalogue'],
      querystring: Type.Object({ version: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,8}$', description: 'Catalogue version' })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ version: Type.Integer(), entries: Type.Array(EntryView) }) },
    },
  }, async (request) => catalogue.list(request.query.version === undefined ? {} : { version: Number(request.query.version) }));

  app.post('/', {
    config: { access: 'administer' },
    schema: { summary: 'Add a catalogue entry (a new catalogue version)', tags: ['Catalogue'], security: [{ bearer: [] }], body: EntryBody, response: { 201: Type.Object({ entry: EntryView, version: Type.Integer() }), ...problemResponses, 409: Type.Ref('Problem') } },
  }, async (request, reply) => reply.status(201).send(await registry.addCatalogueEntry(request.body, request.actor)));

  app.delete('/:id', {
    config: { access: 'administer' },
    schema: { summary: 'Retire a catalogue entry (a new catalogue version)', tags: ['Catalogue'], security: [{ bearer: [] }], params: Type.Object({ id: Type.String({ maxLength: 120 }) }), response: { 200: Type.Object({ version: Type.Integer() }), ...problemResponses } },
  }, async (request) => ({ version: await registry.retireCatalogueEntry(request.params.id, request.actor) }));
};
