import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { findUnstorableJson } from '../../domain/json-limits.js';

// EPCIS 2.0 §12.4: documents arrive as application/json or application/ld+json; both parse as JSON, nothing else does.
const JSON_TYPES = ['application/json', 'application/ld+json'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes the JSON text itself and checks it (the capture routes parse on a worker thread). */
    rawJson?: boolean;
  }
}

/** What the API accepts as input: JSON bodies only, no deeper than MAX_JSON_DEPTH, and no NUL character anywhere. */
export const jsonBody = fp(async (app: FastifyInstance) => {
  app.removeAllContentTypeParsers();
  // Bytes, not text: a capture route hands them to a worker thread as they are, which decodes them there.
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'buffer' }, (request, body, done) => {
    if (request.routeOptions.config.rawJson) {
      done(null, body);
      return;
    }
    let value: unknown;
    try {
      value = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch (err) {
      done(Object.assign(new Error(`the body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`), { statusCode: 400 }));
      return;
    }
    const problem = findUnstorableJson(value);
    if (problem !== undefined) {
      done(new DomainError('invalid_request', problem.reason, { errors: [problem] }));
      return;
    }
    done(null, value);
  });

  // PostgreSQL text cannot hold U+0000, and no identifier or parameter of this API has one: refuse it at the door.
  app.addHook('onRequest', async (request) => {
    if (request.url.includes('%00')) {
      throw new DomainError('invalid_request', 'the URL contains %00 (the NUL character), which no identifier or query parameter may hold');
    }
  });
});

/** The body of a `rawJson` route: the UTF-8 bytes of its JSON. */
export function rawJsonBody(request: FastifyRequest): Uint8Array {
  const { body } = request;
  if (!(body instanceof Uint8Array)) throw new Error(`route ${request.routeOptions.url ?? ''} has no raw JSON body; give it config.rawJson`);
  return body;
}
