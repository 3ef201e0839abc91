import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import { domainProblem, httpProblem, type Problem } from '../problem.js';

/** Every error leaves as application/problem+json; the real cause of a 500 goes to the log, never to the client. */
export const problemHandler = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const instance = request.url;
    if (error instanceof DomainError) {
      if (error.code === 'too_many_attempts' && typeof error.details?.retryAfter === 'number') void reply.header('retry-after', String(error.details.retryAfter));
      return send(reply, domainProblem(error.code, error.message, instance, error.details));
    }
    if (error.validation) {
      const where = error.validationContext ?? 'body';
      const errors = error.validation.map((v) => ({
        field: `${where}${v.instancePath.replaceAll('/', '.')}${typeof v.params.missingProperty === 'string' ? `.${v.params.missingProperty}` : ''}${typeof v.params.additionalProperty === 'string' ? `.${v.params.additionalProperty}` : ''}`,
        reason: v.message ?? 'is not valid',
      }));
      const detail = errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
      const unknownParameter = error.validation.find((v) => where === 'querystring' && typeof v.params.additionalProperty === 'string');
      if (unknownParameter) {
        return send(reply, domainProblem('unknown_query_parameter', `unknown query parameter "${String(unknownParameter.params.additionalProperty)}"`, instance, { errors }));
      }
      return send(reply, { ...domainProblem(where === 'querystring' ? 'invalid_query' : 'invalid_request', detail, instance), errors });
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error, reqId: request.id }, 'request failed');
      return send(reply, httpProblem(500, `The server could not complete the request; quote request id ${request.id} when reporting it.`, instance));
    }
    return send(reply, httpProblem(status, plainMessage(error), instance));
  });

  app.setNotFoundHandler((request, reply) => send(reply, httpProblem(404, `no route ${request.method} ${request.url.split('?')[0]}`, request.url)));
});

/** For Fastify's `frameworkErrors`: the router's own refusals (a URL that does not decode, a path segment too long), as problems too. */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  void send(reply, httpProblem(status, plainMessage(error), request.url));
}

function send(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

function plainMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the request body is larger than this server accepts; split the document into several captures';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send JSON: Content-Type application/json or application/ld+json';
    case 'FST_ERR_BAD_URL':
      return 'the URL is not valid: a %-escape in its path does not decode to UTF-8 text';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return 'a part of the URL path is longer than this server accepts';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the request body is empty; send a JSON document';
    default:
      return error.message;
  }
}
