import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { isObject, type JsonObject } from '../../src/domain/event.js';
import type { TestApp } from './test-app.js';

/** The JSON body of a response as an object; fails the test when the body is anything else. */
export function jsonBody(res: LightMyRequestResponse): JsonObject {
  const body: unknown = JSON.parse(res.body);
  if (!isObject(body)) throw new Error(`expected a JSON object, got: ${res.body.slice(0, 200)}`);
  return body;
}

/** `value` as an object; fails the test otherwise. */
export function objectOf(value: unknown, what: string): JsonObject {
  if (!isObject(value)) throw new Error(`${what} is not an object: ${JSON.stringify(value)}`);
  return value;
}

/** `value` as a list of objects; fails the test otherwise. */
export function objectsOf(value: unknown, what: string): JsonObject[] {
  if (!Array.isArray(value) || !value.every(isObject)) throw new Error(`${what} is not a list of objects: ${JSON.stringify(value)}`);
  return value.filter(isObject);
}

/** `value` as a string; fails the test otherwise. */
export function stringOf(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Error(`${what} is not a string: ${JSON.stringify(value)}`);
  return value;
}

/** The events of an EPCISDocument or EPCISQueryDocument. */
export function eventListOf(doc: JsonObject): JsonObject[] {
  const body = objectOf(doc.epcisBody, 'epcisBody');
  if (body.queryResults === undefined) return objectsOf(body.eventList, 'epcisBody.eventList');
  const results = objectOf(objectOf(body.queryResults, 'queryResults').resultsBody, 'resultsBody');
  return objectsOf(results.eventList, 'resultsBody.eventList');
}

/** An RFC 7807 problem as the platform sends it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  body: JsonObject;
}

/**
 * Asserts a problem+json response with this status and EPCIS exception type, and that it gives away no internals
 * (no stack frames, no SQL).
 */
export function expectProblem(res: LightMyRequestResponse, status: number, type: string): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = jsonBody(res);
  expect(body.type).toBe(type);
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  const detail = typeof body.detail === 'string' ? body.detail : '';
  expectNoInternals(res.body);
  return { type: stringOf(body.type, 'type'), title: stringOf(body.title, 'title'), status, detail, body };
}

/** A problem body never carries a stack trace or SQL. */
export function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|\bat (?:file:|node:)|\.ts:\d+:\d+/);
  expect(text).not.toMatch(/\b(?:select\s.+\sfrom|insert\s+into|update\s.+\sset|delete\s+from)\b/i);
  expect(text).not.toMatch(/SQLITE_|sqlite3|violates .* constraint/i);
}

/** The `errors` list of a validation problem as `{ index, field }` pairs (index undefined for document fields). */
export function issueLocations(problem: ProblemBody): Array<{ index: number | undefined; field: string }> {
  return objectsOf(problem.body.errors, 'errors').map((e) => ({
    index: typeof e.index === 'number' ? e.index : undefined,
    field: stringOf(e.field, 'errors[].field'),
  }));
}

/** POSTs an EPCIS document to the capture endpoint with the administrator token. */
export function postCapture(t: TestApp, doc: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/epcis/v2/capture',
    headers: { ...t.auth, 'content-type': 'application/ld+json', ...headers },
    payload: JSON.stringify(doc),
  });
}

/** GET /epcis/v2/events with these query parameters; asserts 200 and returns the query document's events. */
export async function queryEvents(t: TestApp, params: Record<string, string>): Promise<{ events: JsonObject[]; res: LightMyRequestResponse }> {
  const res = await t.app.inject({ method: 'GET', headers: t.auth, url: `/epcis/v2/events?${new URLSearchParams(params).toString()}` });
  expect(res.statusCode, res.body).toBe(200);
  const doc = jsonBody(res);
  expect(doc.type).toBe('EPCISQueryDocument');
  return { events: eventListOf(doc), res };
}

/** Every event in the ledger, as GET /events returns them (one page of at most 1000). */
export async function allEvents(t: TestApp): Promise<JsonObject[]> {
  const { events, res } = await queryEvents(t, { perPage: '1000' });
  expect(res.headers.link).toBeUndefined();
  return events;
}

/** A minimal EPCISDocument around these events. */
export function epcisDocument(events: unknown[], context: unknown[] = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld']): JsonObject {
  return {
    '@context': context,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-03-01T08:00:00.000+08:00',
    epcisBody: { eventList: events },
  };
}
