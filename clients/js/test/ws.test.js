/**
 * The client over the real `ws` package against miniature gateways: the Node.js path end to end, without
 * txrx. Skipped when `ws` is not installed (`npm ci` in this folder installs it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../txrx.js';
import { MiniCluster } from './mini-gateway.js';
import { until } from './fake-websocket.js';

let ws = null;
try {
    ws = await import('ws');
} catch {
    // not installed: the tests below are skipped
}
const skip = ws === null ? 'the ws package is not installed (npm ci)' : false;

test('a subscriber on a killed gateway moves to the other one and gets every message once, in order', { skip, timeout: 20000 }, async (t) => {
    const cluster = new MiniCluster(ws);
    t.after(() => cluster.close());
    const a = await cluster.start();
    const b = await cluster.start();
    const urls = [a.url, b.url];
    // no WebSocket option: Node 20 has none of its own, so the client imports ws by itself
    const subscriber = connect(urls, { backoffBaseMs: 20, logErrors: false });
    const publisher = connect([b.url], { logErrors: false });
    t.after(() => {
        subscriber.close();
        publisher.close();
    });
    const received = [];
    const connects = [];
    subscriber.on('message', (m) => received.push(m.data.n));
    subscriber.on('connect', (c) => connects.push(c.url));
    await subscriber.subscribe('ticks');

    const total = 200;
    for (let n = 0; n < total; n++) {
        await publisher.publish('ticks', { n });
        if (n === total / 2) {
            await a.kill();
        }
        if (n % 10 === 0) {
            await new Promise((resolve) => setTimeout(resolve, 2));
        }
    }
    await until(() => received.length >= total, `${total} messages`, 10000);
    assert.deepEqual(received, Array.from({ length: total }, (_, n) => n));
    assert.deepEqual(connects, urls);
    assert.equal(subscriber.load('ticks').messages.length, total);
});

test('a call works over ws and a closed client lets the process end', { skip, timeout: 10000 }, async (t) => {
    const cluster = new MiniCluster(ws);
    t.after(() => cluster.close());
    const a = await cluster.start();
    const client = connect(a.url, { WebSocket: ws.WebSocket, logErrors: false });
    assert.equal(await client.call('system.ping'), 'pong');
    await assert.rejects(client.call('nobody.home'), (e) => e.code === -32601);
    client.close();
});
