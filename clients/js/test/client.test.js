import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, MemoryStore, TxrxError, CLOSED, DISCONNECTED, TIMEOUT } from '../txrx.js';
import { FakeNetwork, until } from './fake-websocket.js';

const URLS = ['ws://a/gateway/ws', 'ws://b/gateway/ws'];

/** A client on a fake network that retries at once; closed when the test ends. */
function client(t, options = {}) {
    const network = new FakeNetwork();
    const txrx = connect(options.urls ?? URLS, {
        WebSocket: network.WebSocket,
        backoffBaseMs: 1,
        backoffMaxMs: 2,
        store: new MemoryStore(),
        logErrors: false,
        ...options,
    });
    t.after(() => txrx.close());
    return { txrx, network };
}

function events(txrx, name) {
    const seen = [];
    txrx.on(name, (value) => seen.push(value));
    return seen;
}

test('a call resolves with the result of the reply carrying its id', async (t) => {
    const { txrx, network } = client(t);
    const socket = await network.opened(1);
    socket.accept();
    const echo = txrx.call('system.echo', { text: 'hi' });
    const ping = txrx.call('system.ping');
    const [echoCall, pingCall] = socket.frames;
    assert.deepEqual(echoCall, { jsonrpc: '2.0', id: echoCall.id, method: 'system.echo', params: { text: 'hi' } });
    assert.equal('params' in pingCall, false);
    socket.receive([{ jsonrpc: '2.0', id: pingCall.id, result: 'pong' }, { jsonrpc: '2.0', id: echoCall.id, result: { text: 'hi' } }]);
    assert.deepEqual(await echo, { text: 'hi' });
    assert.equal(await ping, 'pong');
});

test('an error reply rejects with its code and data', async (t) => {
    const { txrx, network } = client(t);
    const socket = await network.opened(1);
    socket.accept();
    const reply = txrx.call('nobody.home');
    socket.fail(socket.frames[0].id, -32601, 'Method not found', { method: 'nobody.home' });
    await assert.rejects(reply, (e) => e instanceof TxrxError && e.code === -32601 && e.data.method === 'nobody.home');
});

test('a call times out after its timeout', async (t) => {
    const { txrx, network } = client(t);
    (await network.opened(1)).accept();
    await assert.rejects(txrx.call('system.sleep', { ms: 1000 }, { timeout: 20 }), (e) => e.code === TIMEOUT);
});

test('calls and notifications made before the socket opens are sent, in order, when it does', async (t) => {
    const { txrx, network } = client(t);
    const reply = txrx.call('system.ping');
    txrx.notify('audit.note', ['early']);
    const socket = await network.opened(1);
    assert.deepEqual(socket.sent, []);
    socket.accept();
    assert.deepEqual(socket.frames.map((f) => f.method), ['system.ping', 'audit.note']);
    assert.equal('id' in socket.frames[1], false);
    socket.reply(socket.frames[0].id, 'pong');
    assert.equal(await reply, 'pong');
});

test('a refused gateway makes the client try the next one, with backoff', async (t) => {
    const delays = [];
    const { txrx, network } = client(t, { random: () => { delays.push(1); return 1; } });
    const connects = events(txrx, 'connect');
    const errors = events(txrx, 'error');
    (await network.opened(1)).refuse();
    const second = await network.opened(2);
    assert.equal(second.url, URLS[1]);
    second.accept();
    assert.deepEqual(connects, [{ url: URLS[1], reconnect: false }]);
    assert.equal(errors.length, 1);
    assert.equal(delays.length, 1);
    assert.equal(txrx.state, 'connected');
});

test('a gateway that never answers is given up after connectTimeout', async (t) => {
    const { network } = client(t, { connectTimeout: 20 });
    const silent = await network.opened(1);
    const next = await network.opened(2);
    assert.equal(silent.closedWith.code, 1000);
    assert.equal(next.url, URLS[1]);
});

test('a lost socket rejects the calls in flight, resends those made with retry, and reconnects elsewhere', async (t) => {
    const { txrx, network } = client(t);
    const disconnects = events(txrx, 'disconnect');
    const first = await network.opened(1);
    first.accept();
    const plain = txrx.call('system.sleep', { ms: 100 });
    const retried = txrx.call('system.echo', { text: 'again' }, { retry: true });
    const retriedId = first.frames[1].id;
    first.drop();
    await assert.rejects(plain, (e) => e.code === DISCONNECTED);
    assert.deepEqual(disconnects.map((d) => [d.url, d.code, d.willReconnect]), [[URLS[0], 1006, true]]);
    const second = await network.opened(2);
    assert.equal(second.url, URLS[1]);
    second.accept();
    assert.deepEqual(second.frames.map((f) => [f.id, f.method]), [[retriedId, 'system.echo']]);
    second.reply(retriedId, { text: 'again' });
    assert.deepEqual(await retried, { text: 'again' });
});

test('channel messages arrive as message events, and load answers them with the last offset', async (t) => {
    const { txrx, network } = client(t, { store: new MemoryStore({ keep: 2 }) });
    const messages = events(txrx, 'message');
    const socket = await network.opened(1);
    socket.accept();
    const subscribed = txrx.subscribe('news');
    const call = await socket.call('channel.subscribe');
    assert.deepEqual(call.params, { channel: 'news', offset: '$' });
    socket.reply(call.id, { channel: 'news', offset: '100-0', truncated: false });
    assert.deepEqual(await subscribed, { channel: 'news', offset: '100-0', truncated: false });
    socket.push('news', '101-0', { n: 1 });
    socket.push('news', '102-0', { n: 2 });
    socket.push('news', '103-0', { n: 3 });
    socket.push('other', '104-0', { n: 4 });
    assert.deepEqual(messages.map((m) => m.data.n), [1, 2, 3]);
    assert.deepEqual(messages[0], { channel: 'news', offset: '101-0', data: { n: 1 } });
    assert.deepEqual(txrx.load('news'), {
        messages: [{ channel: 'news', offset: '102-0', data: { n: 2 } }, { channel: 'news', offset: '103-0', data: { n: 3 } }],
        offset: '103-0',
    });
});

test('after a reconnect every channel is subscribed again from the last offset, and replayed duplicates are dropped', async (t) => {
    const { txrx, network } = client(t);
    const messages = events(txrx, 'message');
    const first = await network.opened(1);
    first.accept();
    txrx.subscribe('news');
    txrx.subscribe('sport', '0');
    const news = await first.call('channel.subscribe');
    first.reply(news.id, { channel: 'news', offset: '10-0', truncated: false });
    first.push('news', '11-0', 'a');
    first.push('news', '12-0', 'b');
    first.drop();

    const second = await network.opened(2);
    second.accept();
    const resubscribes = second.frames.filter((f) => f.method === 'channel.subscribe');
    assert.deepEqual(resubscribes.map((f) => f.params), [{ channel: 'news', offset: '12-0' }, { channel: 'sport', offset: '0' }]);
    // the new gateway replays from the offset asked: an overlap is dropped, the rest delivered once, in order
    second.push('news', '12-0', 'b');
    second.push('news', '13-0', 'c');
    second.push('news', '13-0', 'c');
    second.reply(resubscribes[0].id, { channel: 'news', offset: '12-0', truncated: false });
    second.push('news', '14-0', 'd');
    assert.deepEqual(messages.map((m) => m.data), ['a', 'b', 'c', 'd']);
});

test('a subscription with no message yet resumes after the offset the server said it started after', async (t) => {
    const { txrx, network } = client(t);
    const first = await network.opened(1);
    first.accept();
    txrx.subscribe('news');
    const call = await first.call('channel.subscribe');
    first.reply(call.id, { channel: 'news', offset: '1718000000000-0', truncated: false });
    await until(() => txrx.load('news').offset === '1718000000000-0', 'the start offset');
    first.drop();
    const second = await network.opened(2);
    second.accept();
    assert.deepEqual((await second.call('channel.subscribe')).params, { channel: 'news', offset: '1718000000000-0' });
});

test('a subscribe interrupted by a lost socket is made on the next one and resolves then', async (t) => {
    const { txrx, network } = client(t);
    const first = await network.opened(1);
    first.accept();
    const subscribed = txrx.subscribe('news', '0');
    await first.call('channel.subscribe');
    first.drop();
    const second = await network.opened(2);
    second.accept();
    const call = await second.call('channel.subscribe');
    assert.deepEqual(call.params, { channel: 'news', offset: '0' });
    second.reply(call.id, { channel: 'news', offset: '0-0', truncated: false });
    assert.deepEqual(await subscribed, { channel: 'news', offset: '0-0', truncated: false });
});

test('subscribing to a channel twice asks the server once', async (t) => {
    const { txrx, network } = client(t);
    const socket = await network.opened(1);
    socket.accept();
    const one = txrx.subscribe('news');
    const two = txrx.subscribe('news');
    const call = await socket.call('channel.subscribe');
    socket.reply(call.id, { channel: 'news', offset: '5-0', truncated: false });
    assert.deepEqual(await one, await two);
    await txrx.subscribe('news');
    assert.equal(socket.frames.filter((f) => f.method === 'channel.subscribe').length, 1);
});

test('a refused subscription rejects and is not made again', async (t) => {
    const { txrx, network } = client(t);
    const first = await network.opened(1);
    first.accept();
    const subscribed = txrx.subscribe('user:42');
    const call = await first.call('channel.subscribe');
    first.fail(call.id, -32003, 'Forbidden');
    await assert.rejects(subscribed, (e) => e.code === -32003);
    assert.deepEqual(txrx.channels, []);
    first.drop();
    const second = await network.opened(2);
    second.accept();
    assert.deepEqual(second.frames, []);
});

test('unsubscribe tells the server and stops the messages', async (t) => {
    const { txrx, network } = client(t);
    const messages = events(txrx, 'message');
    const socket = await network.opened(1);
    socket.accept();
    txrx.subscribe('news');
    socket.reply((await socket.call('channel.subscribe')).id, { channel: 'news', offset: '1-0', truncated: false });
    const unsubscribed = txrx.unsubscribe('news');
    const call = await socket.call('channel.unsubscribe');
    assert.deepEqual(call.params, { channel: 'news' });
    socket.push('news', '2-0', 'late');
    socket.reply(call.id, { channel: 'news' });
    await unsubscribed;
    assert.deepEqual(messages, []);
    assert.deepEqual(txrx.channels, []);
});

test('a truncated replay is told to the application', async (t) => {
    const { txrx, network } = client(t);
    const truncated = events(txrx, 'truncated');
    const socket = await network.opened(1);
    socket.accept();
    txrx.subscribe('news', '1-0');
    const call = await socket.call('channel.subscribe');
    socket.reply(call.id, { channel: 'news', offset: '1-0', truncated: true });
    await until(() => truncated.length === 1, 'the truncated event');
    assert.equal(truncated[0].channel, 'news');
    assert.equal(truncated[0].requested, '1-0');
});

test('publish and history are calls of the channel methods', async (t) => {
    const { txrx, network } = client(t);
    const socket = await network.opened(1);
    socket.accept();
    const published = txrx.publish('news', { text: 'hi' });
    const history = txrx.history('news', { from: '0', limit: 10 });
    const [publish, page] = socket.frames;
    assert.deepEqual([publish.method, publish.params], ['channel.publish', { channel: 'news', data: { text: 'hi' } }]);
    assert.deepEqual([page.method, page.params], ['channel.history', { channel: 'news', from: '0', limit: 10 }]);
    socket.reply(publish.id, { offset: '9-0' });
    socket.reply(page.id, { messages: [] });
    assert.deepEqual(await published, { offset: '9-0' });
    assert.deepEqual(await history, { messages: [] });
});

test('without an offset, a subscription resumes after what the store kept', async (t) => {
    const store = new MemoryStore();
    store.append({ channel: 'news', offset: '50-0', data: 'kept' });
    const { txrx, network } = client(t, { store });
    const messages = events(txrx, 'message');
    const socket = await network.opened(1);
    socket.accept();
    txrx.subscribe('news');
    assert.deepEqual((await socket.call('channel.subscribe')).params, { channel: 'news', offset: '50-0' });
    socket.push('news', '50-0', 'kept');
    socket.push('news', '51-0', 'new');
    assert.deepEqual(messages.map((m) => m.data), ['new']);
    assert.deepEqual(txrx.load('news').messages.map((m) => m.data), ['kept', 'new']);
});

test('other pushes are notification events; an error without id is an error event', async (t) => {
    const { txrx, network } = client(t);
    const notifications = events(txrx, 'notification');
    const errors = events(txrx, 'error');
    const socket = await network.opened(1);
    socket.accept();
    socket.receive({ jsonrpc: '2.0', method: 'chat.typing', params: { user: 'ann' } });
    socket.receive({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
    socket.receive('not json');
    assert.deepEqual(notifications, [{ method: 'chat.typing', params: { user: 'ann' } }]);
    assert.deepEqual(errors.map((e) => e.code), [-32700, -32700]);
});

test('signed out by the server, the channels it ended are neither listed nor subscribed again', async (t) => {
    const { txrx, network } = client(t);
    const notifications = events(txrx, 'notification');
    const first = await network.opened(1);
    first.accept();
    txrx.subscribe('user:42');
    txrx.subscribe('news');
    for (const call of first.frames.filter((f) => f.method === 'channel.subscribe')) {
        first.reply(call.id, { channel: call.params.channel, offset: '1-0', truncated: false });
    }
    const signedOut = { reason: 'logout', unsubscribed: ['user:42'] };
    first.receive({ jsonrpc: '2.0', method: 'auth.signedOut', params: signedOut });
    assert.deepEqual(notifications, [{ method: 'auth.signedOut', params: signedOut }]);
    assert.deepEqual(txrx.channels, ['news']);
    first.drop();

    const second = await network.opened(2);
    second.accept();
    const resubscribes = second.frames.filter((f) => f.method === 'channel.subscribe');
    assert.deepEqual(resubscribes.map((f) => f.params.channel), ['news']);
});

test('a listener that throws is reported as an error and the others still run', async (t) => {
    const { txrx, network } = client(t);
    const errors = events(txrx, 'error');
    const seen = [];
    txrx.on('notification', () => { throw new Error('app bug'); });
    txrx.on('notification', (n) => seen.push(n.method));
    const socket = await network.opened(1);
    socket.accept();
    socket.receive({ jsonrpc: '2.0', method: 'chat.typing' });
    assert.deepEqual(seen, ['chat.typing']);
    assert.equal(errors[0].message, 'app bug');
});

test('off removes a listener, and unknown events are refused', async (t) => {
    const { txrx } = client(t);
    const seen = [];
    const listener = (n) => seen.push(n);
    const remove = txrx.on('notification', listener);
    remove();
    assert.throws(() => txrx.on('mesage', () => {}), TypeError);
});

test('close rejects waiting calls, ends the socket and stops reconnecting', async (t) => {
    const { txrx, network } = client(t);
    const disconnects = events(txrx, 'disconnect');
    const socket = await network.opened(1);
    socket.accept();
    const reply = txrx.call('system.sleep', { ms: 1000 });
    const ready = txrx.ready();
    txrx.close();
    await ready;
    await assert.rejects(reply, (e) => e.code === CLOSED);
    await assert.rejects(txrx.call('system.ping'), (e) => e.code === CLOSED);
    assert.equal(socket.closedWith.code, 1000);
    assert.equal(disconnects[0].willReconnect, false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(network.sockets.length, 1);
    assert.equal(txrx.state, 'closed');
});

test('ready resolves on the first connection', async (t) => {
    const { txrx, network } = client(t);
    const ready = txrx.ready();
    (await network.opened(1)).accept();
    await ready;
    assert.equal(txrx.url, URLS[0]);
});

test('a heartbeat without reply drops the socket and moves on', async (t) => {
    const { txrx, network } = client(t, { heartbeatMs: 15 });
    const disconnects = events(txrx, 'disconnect');
    const first = await network.opened(1);
    first.accept();
    await first.call('system.ping');
    const second = await network.opened(2);
    assert.equal(second.url, URLS[1]);
    assert.equal(disconnects[0].code, 4000);
});

test('bad channels and offsets are refused before anything is sent', async (t) => {
    const { txrx } = client(t);
    assert.throws(() => txrx.subscribe(''), TypeError);
    assert.throws(() => txrx.publish(undefined, 1), TypeError);
    await assert.rejects(txrx.subscribe('news', 'yesterday'), TypeError);
});

test('frame events show every text frame written and read, with its direction', async (t) => {
    const { txrx, network } = client(t);
    const frames = events(txrx, 'frame');
    const socket = await network.opened(1);
    socket.accept();
    const ping = txrx.call('system.ping');
    socket.reply(socket.frames[0].id, 'pong');
    await ping;
    assert.deepEqual(frames.map((f) => [f.direction, JSON.parse(f.text).id ?? null, f.url]), [
        ['out', socket.frames[0].id, URLS[0]],
        ['in', socket.frames[0].id, URLS[0]],
    ]);
    assert.equal(frames[0].text, socket.sent[0]);
});

test('a batch goes out as one frame and resolves with one entry per call, null for notifications', async (t) => {
    const { txrx, network } = client(t);
    const socket = await network.opened(1);
    socket.accept();
    const replies = txrx.batch([
        { method: 'system.ping' },
        { method: 'audit.note', params: ['x'], notification: true },
        { method: 'nobody.home', params: {} },
    ]);
    assert.equal(socket.sent.length, 1);
    const [frame] = socket.frames;
    assert.equal(frame.length, 3);
    assert.equal('id' in frame[1], false);
    socket.receive([
        { jsonrpc: '2.0', id: frame[2].id, error: { code: -32601, message: 'Method not found' } },
        { jsonrpc: '2.0', id: frame[0].id, result: 'pong' },
    ]);
    const [ping, note, missing] = await replies;
    assert.deepEqual(ping, { result: 'pong' });
    assert.equal(note, null);
    assert.ok(missing.error instanceof TxrxError && missing.error.code === -32601);
});

test('a batch is refused while disconnected, and when empty', async (t) => {
    const { txrx, network } = client(t);
    await network.opened(1);
    await assert.rejects(txrx.batch([{ method: 'system.ping' }]), (e) => e.code === DISCONNECTED);
    network.last.accept();
    await assert.rejects(txrx.batch([]), TypeError);
});

test('onOpen runs first on every new socket: the channels and held calls wait for it', async (t) => {
    const opened = [];
    const { txrx, network } = client(t, {
        onOpen: async (c, event) => {
            opened.push(event.reconnect);
            await c.call('auth.resume', { token: 't' });
        },
    });
    txrx.subscribe('private', '0');
    const held = txrx.call('system.ping');
    const socket = await network.opened(1);
    socket.accept();
    const resume = await socket.call('auth.resume');
    assert.deepEqual(socket.frames.map((f) => f.method), ['auth.resume']);
    socket.reply(resume.id, { user: { id: 1 } });
    await until(() => socket.frames.length === 3, 'the subscribe and the held call');
    assert.deepEqual(socket.frames.map((f) => f.method), ['auth.resume', 'channel.subscribe', 'system.ping']);
    socket.reply(socket.frames[2].id, 'pong');
    assert.equal(await held, 'pong');

    socket.drop();
    const second = await network.opened(2);
    second.accept();
    const again = await second.call('auth.resume');
    assert.deepEqual(second.frames.map((f) => f.method), ['auth.resume']);
    second.fail(again.id, -32001, 'expired');
    await second.call('channel.subscribe');
    assert.deepEqual(opened, [false, true]);
});
