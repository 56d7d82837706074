import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff, UrlRotation, backoffDelay } from '../backoff.js';

test('the delay doubles per attempt and is capped', () => {
    const top = { baseMs: 100, maxMs: 1000, random: () => 1 };
    assert.deepEqual([0, 1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, top)), [100, 200, 400, 800, 1000, 1000]);
});

test('jitter keeps the delay in the upper half of the nominal one', () => {
    const options = { baseMs: 100, maxMs: 10000 };
    assert.equal(backoffDelay(3, { ...options, random: () => 0 }), 400);
    assert.equal(backoffDelay(3, { ...options, random: () => 0.5 }), 600);
    for (let i = 0; i < 200; i++) {
        const delay = backoffDelay(2, options);
        assert.ok(delay >= 200 && delay <= 400, `delay ${delay}`);
    }
});

test('huge attempt counts do not overflow', () => {
    assert.equal(backoffDelay(5000, { baseMs: 250, maxMs: 8000, random: () => 1 }), 8000);
});

test('Backoff counts attempts and starts over after reset', () => {
    const backoff = new Backoff({ baseMs: 10, maxMs: 1000, random: () => 1 });
    assert.deepEqual([backoff.next(), backoff.next(), backoff.next()], [10, 20, 40]);
    backoff.reset();
    assert.equal(backoff.next(), 10);
});

test('UrlRotation goes round the gateways', () => {
    const rotation = new UrlRotation(['ws://a/ws', 'ws://b/ws', 'ws://c/ws']);
    assert.equal(rotation.current(), 'ws://a/ws');
    assert.deepEqual([rotation.advance(), rotation.advance(), rotation.advance()], ['ws://b/ws', 'ws://c/ws', 'ws://a/ws']);
});

test('UrlRotation takes a single URL and refuses none', () => {
    assert.equal(new UrlRotation('ws://a/ws').advance(), 'ws://a/ws');
    assert.throws(() => new UrlRotation([]), TypeError);
});
