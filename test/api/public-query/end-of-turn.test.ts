import { describe, expect, it } from 'vitest';
import { endOfTurn } from '../../../src/api/routes/public-query/end-of-turn.js';

describe('answers written at the end of a turn of the event loop', () => {
  it('holds every answer of one turn until the same moment', async () => {
    const turn = endOfTurn();
    expect(endOfTurn()).toBe(turn);
    await turn;
  });

  it('lets the turn run its other callbacks first, then releases its answers before the next turn reads anything', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('queued before'));
    const released = endOfTurn().then(() => order.push('answers'));
    setImmediate(() => order.push('queued after'));
    await Promise.resolve();
    order.push('same turn');
    await released;
    expect(order).toEqual(['same turn', 'queued before', 'answers']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['same turn', 'queued before', 'answers', 'queued after']);
  });

  it('starts a new turn once the last one was released', async () => {
    const first = endOfTurn();
    await first;
    expect(endOfTurn()).not.toBe(first);
  });
});
