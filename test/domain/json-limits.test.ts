import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, findUnstorableJson } from '../../src/domain/json-limits.js';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { n: value };
  return value;
}

describe('findUnstorableJson', () => {
  it('accepts a document with strings, numbers, lists and objects nested within the limit', () => {
    expect(findUnstorableJson({ a: [1, 'x', { b: null, c: true }], d: nested(MAX_JSON_DEPTH - 1) })).toBeUndefined();
  });

  it('names the NUL character in a list item by its path', () => {
    expect(findUnstorableJson({ epcisBody: { eventList: [{}, { epcList: ['a', 'b', 'c\u0000'] }] } })).toEqual({
      field: 'epcisBody.eventList[1].epcList[2]',
      reason: 'field epcisBody.eventList[1].epcList[2] contains the NUL character (U+0000), which cannot be stored',
    });
  });

  it('names the NUL character in a property name', () => {
    expect(findUnstorableJson({ ilmd: { 'ex:no\u0000te': 'x' } })).toEqual({
      field: 'ilmd.ex:no\u0000te',
      reason: 'field ilmd.ex:no\u0000te has a name with the NUL character (U+0000), which cannot be stored',
    });
  });

  it('names a body that is itself a string with the NUL character', () => {
    expect(findUnstorableJson('a\u0000')).toEqual({ field: '', reason: 'the body contains the NUL character (U+0000), which cannot be stored' });
  });

  it('names the first level past the limit of a structure 100,000 levels deep without overflowing the stack', () => {
    const found = findUnstorableJson(nested(100_000));
    expect(found?.field).toBe(Array.from({ length: MAX_JSON_DEPTH }, () => 'n').join('.'));
    expect(found?.reason).toBe(`field ${found?.field} nests objects and lists more than ${MAX_JSON_DEPTH} levels deep`);
  });
});
