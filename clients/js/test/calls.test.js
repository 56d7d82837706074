import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PendingCalls, TxrxError, TIMEOUT, DISCONNECTED } from '../calls.js';

test('a reply settles the call with its id', async () => {
    const calls = new PendingCalls();
    const one = calls.add(1, 'system.echo', '{}');
    const two = calls.add('2', 'system.ping', '{}');
    assert.equal(calls.settle({ jsonrpc: '2.0', id: '2', result: 'pong' }), true);
    assert.equal(calls.settle({ jsonrpc: '2.0', id: 1, result: { text: 'hi' } }), true);
    assert.equal(await two, 'pong');
    assert.deepEqual(await one, { text: 'hi' });
    assert.equal(calls.size, 0);
});

test('ids match with their exact type', () => {
    const calls = new PendingCalls();
    calls.add(7, 'm', '{}').catch(() => {});
    assert.equal(calls.settle({ id: '7', result: 1 }), false);
    assert.equal(calls.settle({ id: 7, result: 1 }), true);
});

test('a second reply to the same call matches nothing', async () => {
    const calls = new PendingCalls();
    const reply = calls.add(1, 'm', '{}');
    assert.ok(calls.settle({ id: 1, result: 'first' }));
    assert.equal(calls.settle({ id: 1, result: 'second' }), false);
    assert.equal(await reply, 'first');
});

test('an error reply rejects with code, message and data', async () => {
    const calls = new PendingCalls();
    const reply = calls.add(3, 'system.sleep', '{}');
    calls.settle({ id: 3, error: { code: -32602, message: 'Invalid params', data: [{ field: 'ms' }] } });
    await assert.rejects(reply, (e) => e instanceof TxrxError && e.code === -32602 && e.isRpcError
        && e.message === 'Invalid params' && e.data[0].field === 'ms' && e.method === 'system.sleep');
});

test('a call without a reply times out', async () => {
    const calls = new PendingCalls();
    const reply = calls.add(1, 'system.sleep', '{}', { timeoutMs: 10 });
    await assert.rejects(reply, (e) => e.code === TIMEOUT && !e.isRpcError && /system.sleep/.test(e.message));
    assert.equal(calls.settle({ id: 1, result: 'late' }), false);
});

test('a lost socket rejects the calls sent on it, keeps the unsent and hands back the retryable', async () => {
    const calls = new PendingCalls();
    const sent = calls.add(1, 'a', 'f1');
    const retried = calls.add(2, 'b', 'f2', { retry: true });
    const unsent = calls.add(3, 'c', 'f3');
    calls.markSent(1);
    calls.markSent(2);
    const resend = calls.socketLost(new TxrxError(DISCONNECTED, 'lost'));
    assert.deepEqual(resend, [2]);
    await assert.rejects(sent, (e) => e.code === DISCONNECTED && e.method === 'a');
    assert.ok(calls.has(2) && calls.has(3));
    assert.equal(calls.frame(2), 'f2');
    calls.settle({ id: 2, result: 'b' });
    calls.settle({ id: 3, result: 'c' });
    assert.deepEqual([await retried, await unsent], ['b', 'c']);
});
