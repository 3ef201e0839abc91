import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Registry } from '../../../capture/registry/registry.js';
import { checkActsFor } from '../../../domain/access/principal.js';
import { DomainError } from '../../../domain/errors.js';
import type { ProductStore } from '../../../store/product-store.js';
import { problemResponses } from '../../problem.js';

const ProductBody = Type.Object({
  party: Type.String({ minLength: 1, maxLength: 32, description: '统一社会信用代码 of the owner' }),
  code: Type.String({ minLength: 1, maxLength: 64, description: 'The owner\'s own product code (no spaces or "/")' }),
  name: Type.String({ minLength: 1, maxLength: 200, description: 'Product name, Chinese first' }),
  catalogueEntry: Type.String({ minLength: 1, maxLength: 120, description: 'Catalogue entry id, e.g. drug.preparation (GET /api/v1/catalogue)' }),
  gtin: Type.Optional(Type.String({ minLength: 8, maxLength: 20, description: 'GTIN-8/12/13/14; GS1 China prefixes are 690-699' })),
}, { additionalProperties: false });

const ProductView = Type.Object({
  productId: Type.String({ description: 'GTIN-14, or <owner USCC>/<code>' }),
  party: Type.String(),
  code: Type.String(),
  name: Type.String(),
  gtin: Type.Optional(Type.String()),
  catalogueEntry: Type.String(),
  sector: Type.String(),
  registeredAt: Type.String(),
});

/** Enterprise products, each pointing at an entry of the product catalogue. */
export const productRoutes: FastifyPluginAsyncTypebox<{ registry: Registry; products: ProductStore }> = async (app, { registry, products }) => {
  app.post('/', {
    config: { access: 'register' },
    schema: { summary: 'Register a product of a party', tags: ['Products'], security: [{ bearer: [] }], body: ProductBody, response: { 201: ProductView, ...problemResponses, 409: Type.Ref('Problem') } },
  }, async (request, reply) => {
    checkActsFor(request.principal, request.body.party, 'party');
    return reply.status(201).send(await registry.registerProduct(request.body, request.actor));
  });

  app.get('/', {
    config: { access: 'read' },
    schema: { summary: 'The products of a party', tags: ['Products'], security: [{ bearer: [] }], querystring: Type.Object({ party: Type.String({ maxLength: 32 }) }, { additionalProperties: false }), response: { 200: Type.Array(ProductView), ...problemResponses } },
  }, async (request) => products.listOf(request.query.party.trim().toUpperCase()));

  app.get('/:productId', {
    config: { access: 'public' },
    schema: { summary: 'A registered product', tags: ['Products'], params: Type.Object({ productId: Type.String({ maxLength: 120 }) }), response: { 200: ProductView, ...problemResponses } },
  }, async (request) => {
    const product = await products.find(request.params.productId);
    if (!product) throw new DomainError('product_not_found', `产品${request.params.productId}未登记 / product ${request.params.productId} is not registered`);
    return product;
  });
};
