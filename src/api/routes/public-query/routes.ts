import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PublicAnswer, PublicQuery } from '../../../trace/public-query/public-query.js';
import type { PublicStage } from '../../../trace/public-query/story.js';
import { problemResponses } from '../../problem.js';
import { linksetOf } from './linkset.js';
import { PublicAnswerView, PublicQueryString } from './schemas.js';

const LINKSET_TYPE = 'application/linkset+json';

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
    const path = request.url.split('?')[0] ?? '';
    if (request.query.linkType === 'linkset' || request.query.linkType === 'all' || accept.includes(LINKSET_TYPE)) {
      // Sent already serialised: the route's response schema is that of the JSON answer.
      return reply.type(LINKSET_TYPE).send(JSON.stringify(linksetOf({ publicBaseUrl, path, code })));
    }
    if (!prefersJson(accept)) return reply.sendAppShell();
    const result = await publicQuery.query(code, { ...(request.query.region ? { region: request.query.region } : {}), ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}) });
    return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(answerJson(result, path));
  }

  // The story is most of an answer and is shared by every code of a lot (the public query keeps one Story per lot
  // for a while): it is written out once per story, not once per query, and kept as UTF-8 bytes. Serialising it took
  // a tenth of a query; sent as a string, its Chinese text was also measured and encoded on every send.
  type Told = Pick<PublicAnswer, 'stages' | 'certificates' | 'marks' | 'producer' | 'origin'>;
  const toldJson = new WeakMap<PublicStage[], { told: Told; bytes: Buffer }>();
  function answerJson(answer: PublicAnswer, path: string): Buffer {
    const { stages, certificates, marks, producer, origin, ...own } = answer;
    const told: Told = { stages, certificates, marks, producer, origin };
    let written = toldJson.get(stages);
    if (!written || (Object.keys(told) as Array<keyof Told>).some((key) => written?.told[key] !== told[key])) {
      // From its first member on: `"stages":[…],…}`.
      written = { told, bytes: Buffer.from(JSON.stringify(told).slice(1)) };
      toldJson.set(stages, written);
    }
    const links = { linkset: `${path}?linkType=linkset`, report: '/api/v1/reports' };
    const head = Buffer.from(`${JSON.stringify({ ...own, links }).slice(0, -1)},`);
    return Buffer.concat([head, written.bytes], head.length + written.bytes.length);
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
