import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Client, PublicAnswer, PublicQuery } from '../../../trace/public-query/public-query.js';
import type { PublicStage } from '../../../trace/public-query/story.js';
import { problemResponses } from '../../problem.js';
import { endOfTurn } from './end-of-turn.js';
import { linksetOf } from './linkset.js';
import { PublicAnswerView, PublicQueryString } from './schemas.js';

const LINKSET_TYPE = 'application/linkset+json';
// Every answer is about this moment (it counts the query): no cache may keep it.
const JSON_ANSWER_HEADERS = { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' };

/**
 * The public query (一站式查询) at the address printed in every QR code, `/t/{code}`, and at the GS1 Digital Link
 * paths of GTIN-labelled goods. One URL, three answers: the web page for a browser, JSON for `Accept:
 * application/json`, and the RFC 9264 linkset for `?linkType=linkset` or `Accept: application/linkset+json`.
 */
export const publicQueryRoutes: FastifyPluginAsyncTypebox<{ publicQuery: PublicQuery; publicBaseUrl: string }> = async (app, { publicQuery, publicBaseUrl }) => {
  const schema = <P extends TObject>(summary: string, params: P) => ({
    summary,
    tags: ['Public query'],
    description: 'JSON for Accept: application/json (each answer logs one query); the RFC 9264 linkset (application/linkset+json) for ?linkType=linkset; the web page otherwise.',
    params,
    querystring: PublicQueryString,
    produces: ['application/json', LINKSET_TYPE, 'text/html'],
    response: { 200: PublicAnswerView, ...problemResponses },
  });

  async function answer(request: FastifyRequest & { query: Static<typeof PublicQueryString> }, reply: FastifyReply, code: string) {
    const accept = request.headers.accept ?? '';
    const question = request.url.indexOf('?');
    const path = question < 0 ? request.url : request.url.slice(0, question);
    if (request.query.linkType === 'linkset' || request.query.linkType === 'all' || accept.includes(LINKSET_TYPE)) {
      // Sent already serialised: the route's response schema is that of the JSON answer.
      return reply.type(LINKSET_TYPE).send(JSON.stringify(linksetOf({ publicBaseUrl, path, code })));
    }
    if (!prefersJson(accept)) return reply.sendAppShell();
    const client: Client = {};
    if (request.query.region) client.region = request.query.region;
    if (request.headers['user-agent']) client.userAgent = request.headers['user-agent'];
    const result = await publicQuery.query(code, client);
    await endOfTurn();
    return reply.headers(JSON_ANSWER_HEADERS).send(answerJson(result, path));
  }

  // The story and the product are most of an answer and are shared by every code of a lot issued under one name (the
  // public query keeps them for a while): they are written out once, not once per query, and kept as UTF-8 bytes,
  // and each answer is one buffer: the query's own few fields written in front of those bytes. Serialising the whole
  // answer took a tenth of a query; sent as a string, its Chinese text was also measured and encoded on every send.
  // By the story's stages, then by the product: a story is told anew (new stages) whenever any of it changes, and the
  // codes of one lot may be issued under several product names.
  const toldJson = new WeakMap<PublicStage[], WeakMap<object, Buffer>>();
  const NO_PRODUCT = {};
  function toldBytes(answer: PublicAnswer): Buffer {
    let byProduct = toldJson.get(answer.stages);
    if (!byProduct) toldJson.set(answer.stages, (byProduct = new WeakMap()));
    let bytes = byProduct.get(answer.product ?? NO_PRODUCT);
    if (!bytes) {
      const { product, stages, certificates, marks, producer, origin } = answer;
      // From its first member on: `"product":{…},"stages":[…],…}`.
      bytes = Buffer.from(JSON.stringify({ product, stages, certificates, marks, producer, origin }).slice(1));
      byProduct.set(product ?? NO_PRODUCT, bytes);
    }
    return bytes;
  }
  function answerJson(answer: PublicAnswer, path: string): Buffer {
    // The query's own members written out directly: JSON.stringify of an object made for the purpose took as long
    // as the rest of the answer. Strings go through JSON.stringify, so that a code as typed is escaped.
    let head = `{"query":${JSON.stringify(answer.query)},"registered":${String(answer.registered)}`;
    if (answer.unitId !== undefined) head += `,"unitId":${JSON.stringify(answer.unitId)}`;
    if (answer.codeDisplay !== undefined) head += `,"codeDisplay":${JSON.stringify(answer.codeDisplay)}`;
    head += `,"warnings":${answer.warnings.length === 0 ? '[]' : JSON.stringify(answer.warnings)},"scans":${JSON.stringify(answer.scans)}`;
    head += `,"links":{"linkset":${JSON.stringify(`${path}?linkType=linkset`)},"report":"/api/v1/reports"},`;
    const told = toldBytes(answer);
    const headLength = Buffer.byteLength(head);
    const bytes = Buffer.allocUnsafe(headLength + told.length);
    bytes.write(head, 0, 'utf8');
    told.copy(bytes, headLength);
    return bytes;
  }

  app.get('/t/:code', { config: { access: 'public' }, schema: schema('The public query of a trace code', Type.Object({ code: Type.String({ maxLength: 500 }) })) },
    (request, reply) => answer(request, reply, request.params.code));
  app.get('/01/:gtin', { config: { access: 'public' }, schema: schema('The public query of a GTIN (GS1 Digital Link)', Type.Object({ gtin: Type.String({ maxLength: 14 }) })) },
    (request, reply) => answer(request, reply, `https://id.gs1.org/01/${request.params.gtin}`));
  app.get('/01/:gtin/10/:lot', { config: { access: 'public' }, schema: schema('The public query of a lot (GS1 Digital Link)', Type.Object({ gtin: Type.String({ maxLength: 14 }), lot: Type.String({ maxLength: 20 }) })) },
    (request, reply) => answer(request, reply, `https://id.gs1.org/01/${request.params.gtin}/10/${encodeURIComponent(request.params.lot)}`));
  app.get('/01/:gtin/21/:serial', { config: { access: 'public' }, schema: schema('The public query of a serialised item (GS1 Digital Link)', Type.Object({ gtin: Type.String({ maxLength: 14 }), serial: Type.String({ maxLength: 20 }) })) },
    (request, reply) => answer(request, reply, `https://id.gs1.org/01/${request.params.gtin}/21/${encodeURIComponent(request.params.serial)}`));
};

/** Whether the client asks for JSON before HTML: an app or another platform rather than a browser opening a link. */
function prefersJson(accept: string): boolean {
  const json = accept.indexOf('application/json');
  if (json < 0) return false;
  const html = accept.indexOf('text/html');
  return html < 0 || json < html;
}
