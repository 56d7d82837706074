// The Node.js side of JsClientFailoverIT: the txrx JS client on several gateways, subscribed to one channel
// until it has TXRX_COUNT messages (or TXRX_TIMEOUT_MS passed). Every event is one JSON line on stdout; the
// last one, "done", lists every message the application got, in the order it got them.
//
//   TXRX_CLIENT=.../txrx.js TXRX_URLS=ws://a/gateway/ws,ws://b/gateway/ws TXRX_CHANNEL=news TXRX_COUNT=300 \
//     node channel-subscriber.mjs
import { pathToFileURL } from 'node:url';

const env = (name) => {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
};
const out = (event) => process.stdout.write(JSON.stringify(event) + '\n');

const { connect } = await import(pathToFileURL(env('TXRX_CLIENT')).href);
const urls = env('TXRX_URLS').split(',');
const channel = env('TXRX_CHANNEL');
const count = Number(env('TXRX_COUNT'));
const timeoutMs = Number(process.env.TXRX_TIMEOUT_MS ?? '120000');

out({ event: 'start', node: process.version, websocket: globalThis.WebSocket ? 'built in' : 'ws package', urls });

const client = connect(urls, { backoffBaseMs: 100, backoffMaxMs: 2000, connectTimeout: 5000, callTimeout: 10000, logErrors: false });
const received = [];
let finished = false;

client.on('connect', ({ url, reconnect }) => out({ event: 'connect', url, reconnect }));
client.on('disconnect', ({ url, code, reason }) => out({ event: 'disconnect', url, code, reason }));
client.on('error', (e) => out({ event: 'error', code: e.code, message: e.message }));
client.on('truncated', ({ requested, result }) => out({ event: 'truncated', requested, result }));
client.on('message', ({ offset, data }) => {
    received.push({ offset, n: data?.n });
    if (received.length === count) {
        finish('complete');
    }
});

const timer = setTimeout(() => finish('timeout'), timeoutMs);
const subscribed = await client.subscribe(channel, '$');
out({ event: 'subscribed', url: client.url, result: subscribed });

async function finish(reason) {
    if (finished) {
        return;
    }
    finished = true;
    clearTimeout(timer);
    // a call through the gateway the client ended on; any message still on its way arrives meanwhile
    let pong;
    try {
        pong = await client.call('system.ping', undefined, { timeout: 30000 });
    } catch (e) {
        pong = { error: e.code, message: e.message };
    }
    const kept = client.load(channel);
    out({ event: 'done', reason, url: client.url, pong, received, kept: kept.messages.length, keptOffset: kept.offset });
    client.close();
}
