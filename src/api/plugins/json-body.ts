import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.js';

// EPCIS 2.0 §12.4: documents arrive as application/json or application/ld+json; both parse as JSON, nothing else does.
const JSON_TYPES = ['application/json', 'application/ld+json'];

/** Deeper bodies are refused before recursive code (validation, event hashing, storage) sees them; EPCIS documents nest under 20. */
export const MAX_JSON_DEPTH = 64;

/** What the API accepts as input: JSON bodies only, no deeper than MAX_JSON_DEPTH, and no NUL character anywhere. */
export const jsonBody = fp(async (app: FastifyInstance) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    let value: unknown;
    try {
      value = body === '' ? undefined : JSON.parse(String(body));
    } catch (err) {
      done(Object.assign(new Error(`the body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`), { statusCode: 400 }));
      return;
    }
    const problem = findUnstorable(value);
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

interface Node {
  value: unknown;
  key: string;
  depth: number;
  parent?: Node;
}

/** The first place in a parsed body that nests too deep or holds a NUL character; walked without recursion. */
function findUnstorable(root: unknown): { field: string; reason: string } | undefined {
  const stack: Node[] = [{ value: root, key: '', depth: 0 }];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const { value, depth } = node;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return at(node, 'contains the NUL character (U+0000), which cannot be stored');
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) return at(node, `nests objects and lists more than ${MAX_JSON_DEPTH} levels deep`);
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v]) : Object.entries(value);
    for (const [key, inner] of entries) {
      const child: Node = { value: inner, key, depth: depth + 1, parent: node };
      if (key.includes('\u0000')) return at(child, 'has a name with the NUL character (U+0000), which cannot be stored');
      stack.push(child);
    }
  }
  return undefined;
}

function at(node: Node, reason: string): { field: string; reason: string } {
  const keys: string[] = [];
  for (let n: Node | undefined = node; n?.parent !== undefined; n = n.parent) keys.unshift(n.key);
  const field = keys.reduce((name, key) => (key.startsWith('[') || name === '' ? name + key : `${name}.${key}`), '');
  return { field, reason: field === '' ? `the body ${reason}` : `field ${field} ${reason}` };
}
