/**
 * txrx client: JSON-RPC 2.0 over WebSocket to one of several txrx gateways, with channels that survive a
 * lost gateway. One ES module, no framework and no build step; runs in browsers and in Node.js (20 with the
 * `ws` package, 22+ with its own WebSocket).
 *
 *     import { connect } from '/txrx-client/txrx.js';
 *     const client = connect(['wss://a.example/gateway/ws', 'wss://b.example/gateway/ws']);
 *     client.on('message', ({ channel, offset, data }) => console.log(channel, offset, data));
 *     await client.subscribe('news');
 *     await client.publish('news', { text: 'hello' });
 *
 * @module
 */

import { Backoff, UrlRotation, backoffDelay } from './backoff.js';
import { OffsetTracker, compareOffsets, isStreamId, NEW_ONLY, EVERYTHING } from './offsets.js';
import { PendingCalls, TxrxError, TIMEOUT, DISCONNECTED, CLOSED, CONNECT_FAILED } from './calls.js';
import { defaultStore, MemoryStore, WebStorageStore, DEFAULT_KEEP } from './store.js';

export { Backoff, UrlRotation, backoffDelay, OffsetTracker, compareOffsets, isStreamId, NEW_ONLY, EVERYTHING };
export { PendingCalls, TxrxError, TIMEOUT, DISCONNECTED, CLOSED, CONNECT_FAILED };
export { defaultStore, MemoryStore, WebStorageStore, DEFAULT_KEEP };

/** Events a client emits; see {@link TxrxClient#on}. */
export const EVENTS = Object.freeze(['connect', 'disconnect', 'message', 'notification', 'truncated', 'error', 'frame']);

/** WebSocket close code when the client gives up on a socket itself (connect or heartbeat timeout). */
const GAVE_UP = 4000;

const DEFAULTS = Object.freeze({
    callTimeout: 30000,
    connectTimeout: 10000,
    backoffBaseMs: 250,
    backoffMaxMs: 10000,
    stableMs: 5000,
    heartbeatMs: 0,
    maxQueue: 1000,
});

/**
 * Opens a client on one of `urls` right away, and on another of them whenever the connection is lost.
 * @param {string | string[]} urls gateway sockets, e.g. `ws://127.0.0.1:8080/gateway/ws`
 * @param {import('./index.js').ConnectOptions} [options]
 * @returns {TxrxClient}
 */
export function connect(urls, options = {}) {
    return new TxrxClient(urls, options);
}

/**
 * A connection to txrx that reconnects by itself. Calls made while it is reconnecting wait for the next
 * socket (within their timeout); channels are subscribed again on every new socket from the last offset the
 * application got, and each message is handed to the application exactly once, in offset order.
 */
export class TxrxClient {
    #urls;
    #options;
    #backoff;
    #pending = new PendingCalls();
    #offsets = new OffsetTracker();
    #store;
    /** @type {Map<string, Set<Function>>} */
    #listeners = new Map();
    /** @type {Map<string, {channel: string, start: string, active: boolean, result: any, socket: any, waiters: Array<{resolve: Function, reject: Function}>}>} */
    #subscriptions = new Map();
    /** frames waiting for a socket, in order: calls by id (their frame stays in #pending), notifications by text */
    #outbox = [];
    #readyWaiters = [];
    #WebSocket = null;
    #socket = null;
    #url = null;
    #state = 'connecting';
    #closed = false;
    #connections = 0;
    #openedAt = 0;
    #nextId = 1;
    #retryTimer = null;
    #connectTimer = null;
    #heartbeatTimer = null;
    #flushStore = () => this.#store.flush();

    /**
     * @param {string | string[]} urls
     * @param {import('./index.js').ConnectOptions} [options]
     */
    constructor(urls, options = {}) {
        this.#urls = new UrlRotation(urls);
        this.#options = { ...DEFAULTS, ...options };
        this.#backoff = new Backoff({
            baseMs: this.#options.backoffBaseMs,
            maxMs: this.#options.backoffMaxMs,
            random: this.#options.random,
        });
        const keep = this.#options.keep ?? DEFAULT_KEEP;
        if (options.store === false) {
            this.#store = new MemoryStore({ keep: 0 });
        } else {
            this.#store = options.store ?? defaultStore({ keep, prefix: this.#options.storagePrefix });
        }
        globalThis.addEventListener?.('pagehide', this.#flushStore);
        this.#open();
    }

    /** `connecting`, `connected`, `reconnecting` (waiting to try again) or `closed`. */
    get state() {
        return this.#state;
    }

    /** The URL of the current socket (or of the one being tried). */
    get url() {
        return this.#url;
    }

    /** The channels this client is subscribed to (or will subscribe to on the next socket). */
    get channels() {
        return [...this.#subscriptions.keys()];
    }

    /**
     * Listens to an event: `connect` ({url, reconnect}), `disconnect` ({url, code, reason, willReconnect}),
     * `message` ({channel, offset, data}), `notification` ({method, params}: pushes other than channel
     * messages), `truncated` ({channel, requested, result}: a resubscribe could not replay everything),
     * `error` (a TxrxError or Error), `frame` ({direction: 'out' | 'in', text, url}: every text frame as it
     * was written to or read from the socket, for logs and consoles).
     * @returns {() => void} a function that removes the listener
     */
    on(event, listener) {
        if (!EVENTS.includes(event)) {
            throw new TypeError(`unknown event ${event}; one of ${EVENTS.join(', ')}`);
        }
        if (typeof listener !== 'function') {
            throw new TypeError('listener must be a function');
        }
        if (!this.#listeners.has(event)) {
            this.#listeners.set(event, new Set());
        }
        this.#listeners.get(event).add(listener);
        return () => this.off(event, listener);
    }

    off(event, listener) {
        this.#listeners.get(event)?.delete(listener);
    }

    /** Resolves when the client is connected (now, or on the next socket); rejects if it is closed first. */
    ready() {
        if (this.#state === 'connected') {
            return Promise.resolve();
        }
        if (this.#closed) {
            return Promise.reject(new TxrxError(CLOSED, 'client closed'));
        }
        return new Promise((resolve, reject) => this.#readyWaiters.push({ resolve, reject }));
    }

    /**
     * Calls a method and resolves with its result. Rejects with a {@link TxrxError}: the server's code and
     * data for an error reply, `TIMEOUT` when no reply came within `timeout` ms, `DISCONNECTED` when the
     * socket was lost with the call in flight (unless `retry`: then it is sent again on the next socket, so
     * the server may run it twice), `CLOSED` when the client was closed.
     * @param {string} method
     * @param {any} [params] an object or array; omitted when undefined
     * @param {{timeout?: number, retry?: boolean}} [options]
     */
    call(method, params, { timeout = this.#options.callTimeout, retry = false } = {}) {
        if (this.#closed) {
            return Promise.reject(new TxrxError(CLOSED, `${method}: client closed`, undefined, method));
        }
        const id = this.#nextId++;
        const frame = JSON.stringify(params === undefined
            ? { jsonrpc: '2.0', id, method }
            : { jsonrpc: '2.0', id, method, params });
        const reply = this.#pending.add(id, method, frame, { timeoutMs: timeout, retry });
        if (this.#state === 'connected') {
            this.#sendCall(id);
        } else {
            this.#outbox.push({ id });
        }
        return reply;
    }

    /** Sends a notification (no reply); held until the next socket while disconnected (at most `maxQueue`). */
    notify(method, params) {
        if (this.#closed) {
            throw new TxrxError(CLOSED, `${method}: client closed`, undefined, method);
        }
        const frame = JSON.stringify(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });
        if (this.#state === 'connected') {
            this.#send(frame);
            return;
        }
        this.#outbox.push({ frame });
        const notifications = this.#outbox.filter((entry) => entry.frame !== undefined);
        if (notifications.length > this.#options.maxQueue) {
            this.#outbox.splice(this.#outbox.indexOf(notifications[0]), 1);
            this.#emit('error', new TxrxError(DISCONNECTED, `dropped the oldest of ${notifications.length} queued notifications`));
        }
    }

    /**
     * Sends several calls and notifications as one JSON-RPC batch frame, on the open socket only (rejects
     * with `DISCONNECTED` otherwise: a batch is not held for the next socket). Resolves, once every call in
     * it is answered, with one entry per entry given, in order: `{result}` or `{error}` (a TxrxError) for a
     * call, `null` for a notification.
     * @param {Array<{method: string, params?: any, notification?: boolean}>} entries
     * @param {{timeout?: number}} [options]
     */
    batch(entries, { timeout = this.#options.callTimeout } = {}) {
        if (this.#closed) {
            return Promise.reject(new TxrxError(CLOSED, 'batch: client closed'));
        }
        if (!Array.isArray(entries) || entries.length === 0
            || entries.some((entry) => typeof entry?.method !== 'string' || entry.method.length === 0)) {
            return Promise.reject(new TypeError('a batch is a non-empty array of {method, params?, notification?}'));
        }
        if (this.#state !== 'connected') {
            return Promise.reject(new TxrxError(DISCONNECTED, 'batch: not connected (a batch is sent on an open socket only)'));
        }
        const messages = [];
        const replies = [];
        const ids = [];
        for (const { method, params, notification } of entries) {
            const message = notification ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', id: this.#nextId++, method };
            if (params !== undefined) {
                message.params = params;
            }
            messages.push(message);
            if (notification) {
                replies.push(Promise.resolve(null));
            } else {
                ids.push(message.id);
                replies.push(this.#pending.add(message.id, method, JSON.stringify(message), { timeoutMs: timeout })
                    .then((result) => ({ result }), (error) => ({ error })));
            }
        }
        this.#send(JSON.stringify(messages));
        // sent or not, these calls belong to this socket: if it is lost they are rejected, never sent alone
        ids.forEach((id) => this.#pending.markSent(id));
        return Promise.all(replies);
    }

    /**
     * Subscribes to a channel; messages arrive as `message` events. Without `offset` the client resumes
     * after the last offset it kept for the channel (see {@link TxrxClient#load}), or takes only new
     * messages (`$`) if it kept none; `0` replays everything the server still keeps; a stream id replays
     * everything after it. Resolves with the server's result when the first subscribe is accepted; a
     * channel already subscribed answers at once. The subscription outlives lost sockets: it is made again,
     * from the last offset seen, on every new socket. A refused subscribe (forbidden, invalid) rejects and
     * is also an `error` event; it is not made again.
     * @param {string} channel
     * @param {string} [offset] `$`, `0` or a stream id such as `1718000000000-0`
     */
    subscribe(channel, offset) {
        checkChannel(channel);
        if (this.#closed) {
            return Promise.reject(new TxrxError(CLOSED, 'channel.subscribe: client closed'));
        }
        if (offset !== undefined && offset !== NEW_ONLY && offset !== EVERYTHING && !isStreamId(offset)) {
            return Promise.reject(new TypeError(`offset must be '$', '0' or a stream id, not ${offset}`));
        }
        const existing = this.#subscriptions.get(channel);
        if (existing?.active) {
            return Promise.resolve(existing.result);
        }
        let subscription = existing;
        if (!subscription) {
            let start = offset;
            if (start === undefined) {
                const kept = this.#store.load(channel).offset;
                start = kept ?? NEW_ONLY;
                this.#offsets.advance(channel, kept);
            }
            subscription = { channel, start, active: false, result: undefined, socket: null, waiters: [] };
            this.#subscriptions.set(channel, subscription);
        }
        const accepted = new Promise((resolve, reject) => subscription.waiters.push({ resolve, reject }));
        // a subscribe is often not awaited: its failures are `error` events too, never an unhandled rejection
        accepted.catch(() => {});
        if (this.#state === 'connected') {
            this.#sendSubscribe(subscription);
        }
        return accepted;
    }

    /** Ends a subscription; messages of the channel still on their way are dropped. */
    unsubscribe(channel) {
        checkChannel(channel);
        const subscription = this.#subscriptions.get(channel);
        if (!subscription) {
            return Promise.resolve(undefined);
        }
        this.#subscriptions.delete(channel);
        this.#offsets.forget(channel);
        settleWaiters(subscription, new TxrxError(CLOSED, `channel.subscribe: unsubscribed from ${channel}`));
        if (this.#state !== 'connected') {
            return Promise.resolve(undefined);
        }
        return this.call('channel.unsubscribe', { channel });
    }

    /**
     * Publishes `data` (any JSON value) on a channel; resolves with the server's result, which carries the
     * new message's `offset`. With `retry`, a publish cut off by a lost socket is sent again (it may then be
     * published twice).
     */
    publish(channel, data, options) {
        checkChannel(channel);
        return this.call('channel.publish', { channel, data }, options);
    }

    /**
     * A page of a channel's kept messages, without subscribing.
     * @param {string} channel
     * @param {{from?: string, to?: string, limit?: number}} [range]
     * @param {{timeout?: number, retry?: boolean}} [options]
     */
    history(channel, { from, to, limit } = {}, options) {
        checkChannel(channel);
        const params = { channel };
        if (from !== undefined) params.from = from;
        if (to !== undefined) params.to = to;
        if (limit !== undefined) params.limit = limit;
        return this.call('channel.history', params, options);
    }

    /**
     * The messages this client kept for a channel (oldest first, at most `keep`) and the last offset it
     * saw: in `localStorage` in a browser, so they survive a reload; in memory in Node.js.
     * @returns {{messages: Array<{channel: string, offset: string, data: any}>, offset: string | null}}
     */
    load(channel) {
        checkChannel(channel);
        return this.#store.load(channel);
    }

    /** Closes the socket for good: waiting calls reject with `CLOSED`, no reconnect. */
    close() {
        if (this.#closed) {
            return;
        }
        this.#closed = true;
        const wasConnected = this.#state === 'connected';
        this.#state = 'closed';
        clearTimeout(this.#retryTimer);
        clearTimeout(this.#connectTimer);
        clearInterval(this.#heartbeatTimer);
        globalThis.removeEventListener?.('pagehide', this.#flushStore);
        const socket = this.#socket;
        this.#socket = null;
        closeQuietly(socket, 1000, 'client closed');
        const closed = new TxrxError(CLOSED, 'client closed');
        this.#pending.rejectAll(closed);
        this.#outbox = [];
        for (const subscription of this.#subscriptions.values()) {
            settleWaiters(subscription, closed);
        }
        this.#readyWaiters.splice(0).forEach((waiter) => waiter.reject(closed));
        this.#store.flush();
        if (wasConnected) {
            this.#emit('disconnect', { url: this.#url, code: 1000, reason: 'client closed', willReconnect: false });
        }
    }

    // ---- the socket --------------------------------------------------------------------------------

    async #open() {
        if (this.#closed) {
            return;
        }
        this.#state = this.#connections === 0 ? 'connecting' : 'reconnecting';
        const url = this.#urls.current();
        this.#url = url;
        let socket;
        try {
            const WebSocketClass = await this.#webSocketClass();
            if (this.#closed) {
                return;
            }
            socket = new WebSocketClass(url);
        } catch (e) {
            this.#emit('error', e instanceof TxrxError ? e : new TxrxError(CONNECT_FAILED, `cannot open ${url}: ${e.message}`));
            if (e instanceof TxrxError && e.code === CONNECT_FAILED && !this.#WebSocket) {
                this.close();
            } else {
                this.#retry(false);
            }
            return;
        }
        this.#socket = socket;
        socket.onopen = () => this.#opened(socket);
        socket.onmessage = (event) => {
            if (this.#socket === socket) {
                const text = typeof event.data === 'string' ? event.data : String(event.data);
                this.#emitFrame('in', text);
                this.#receive(text);
            }
        };
        socket.onclose = (event) => this.#lost(socket, event.code, event.reason);
        socket.onerror = () => {
            // a close event follows with the details; nothing to do here
        };
        this.#connectTimer = setTimeout(() => {
            if (this.#socket === socket && this.#state !== 'connected') {
                closeQuietly(socket, 1000, 'connect timeout');
                this.#lost(socket, GAVE_UP, `no connection within ${this.#options.connectTimeout} ms`);
            }
        }, this.#options.connectTimeout);
    }

    async #webSocketClass() {
        if (!this.#WebSocket) {
            this.#WebSocket = this.#options.WebSocket ?? globalThis.WebSocket ?? (await importWs());
        }
        return this.#WebSocket;
    }

    #opened(socket) {
        if (this.#socket !== socket) {
            return;
        }
        clearTimeout(this.#connectTimer);
        this.#state = 'connected';
        this.#openedAt = Date.now();
        const reconnect = this.#connections++ > 0;
        this.#readyWaiters.splice(0).forEach((waiter) => waiter.resolve());
        this.#emit('connect', { url: this.#url, reconnect });
        if (this.#socket !== socket) {
            return; // a listener closed the client
        }
        const onOpen = this.#options.onOpen;
        if (typeof onOpen !== 'function') {
            this.#resume(socket);
            return;
        }
        // the application's own first calls on this socket (such as signing it in again) go before the
        // channels are subscribed again and the held calls are sent: those may need them
        Promise.resolve()
            .then(() => onOpen(this, { url: this.#url, reconnect }))
            .catch((e) => this.#emit('error', e))
            .finally(() => {
                if (this.#socket === socket && this.#state === 'connected') {
                    this.#resume(socket);
                }
            });
    }

    /** A new socket is ready for the app: subscriptions again, then the held calls, then the heartbeat. */
    #resume(socket) {
        for (const subscription of this.#subscriptions.values()) {
            this.#sendSubscribe(subscription);
        }
        const queued = this.#outbox;
        this.#outbox = [];
        for (const entry of queued) {
            if (entry.frame !== undefined) {
                this.#send(entry.frame);
            } else if (this.#pending.has(entry.id)) {
                this.#sendCall(entry.id);
            }
        }
        if (this.#options.heartbeatMs > 0) {
            this.#heartbeatTimer = setInterval(() => this.#heartbeat(socket), this.#options.heartbeatMs);
        }
    }

    #lost(socket, code, reason) {
        if (this.#socket !== socket) {
            return;
        }
        this.#socket = null;
        clearTimeout(this.#connectTimer);
        clearInterval(this.#heartbeatTimer);
        const wasConnected = this.#state === 'connected';
        const resend = this.#pending.socketLost(new TxrxError(DISCONNECTED, `socket to ${this.#url} lost (${code})`));
        this.#outbox = resend.map((id) => ({ id })).concat(this.#outbox);
        for (const subscription of this.#subscriptions.values()) {
            subscription.active = false;
        }
        if (wasConnected) {
            this.#emit('disconnect', { url: this.#url, code, reason: reason ?? '', willReconnect: !this.#closed });
        } else {
            this.#emit('error', new TxrxError(CONNECT_FAILED, `cannot connect to ${this.#url} (${code}${reason ? ' ' + reason : ''})`));
        }
        this.#retry(wasConnected && Date.now() - this.#openedAt >= this.#options.stableMs);
    }

    #retry(afterStableConnection) {
        if (this.#closed) {
            return;
        }
        if (afterStableConnection) {
            this.#backoff.reset();
        }
        this.#state = 'reconnecting';
        this.#urls.advance();
        const delay = this.#backoff.next();
        this.#retryTimer = setTimeout(() => this.#open(), delay);
    }

    #heartbeat(socket) {
        this.call('system.ping', undefined, { timeout: this.#options.heartbeatMs }).catch((e) => {
            if (e.code === TIMEOUT && this.#socket === socket) {
                closeQuietly(socket, 1000, 'heartbeat timeout');
                this.#lost(socket, GAVE_UP, `no heartbeat reply within ${this.#options.heartbeatMs} ms`);
            }
        });
    }

    #sendCall(id) {
        if (this.#send(this.#pending.frame(id))) {
            this.#pending.markSent(id);
        } else {
            this.#outbox.push({ id });
        }
    }

    #send(frame) {
        try {
            this.#socket.send(frame);
            this.#emitFrame('out', frame);
            return true;
        } catch (e) {
            this.#emit('error', new TxrxError(DISCONNECTED, `cannot send on ${this.#url}: ${e.message}`));
            return false;
        }
    }

    // ---- what arrives ------------------------------------------------------------------------------

    #receive(text) {
        let message;
        try {
            message = JSON.parse(text);
        } catch (e) {
            this.#emit('error', new TxrxError(-32700, `unparsable frame from the server: ${e.message}`, text));
            return;
        }
        for (const one of Array.isArray(message) ? message : [message]) {
            this.#receiveOne(one);
        }
    }

    #receiveOne(message) {
        if (message === null || typeof message !== 'object') {
            this.#emit('error', new TxrxError(-32600, 'a frame from the server is not a JSON-RPC message', message));
            return;
        }
        if (typeof message.method === 'string' && !('id' in message)) {
            if (message.method === 'channel.message') {
                this.#channelMessage(message.params);
            } else {
                if (message.method === 'auth.signedOut') {
                    this.#signedOut(message.params);
                }
                this.#emit('notification', { method: message.method, params: message.params });
            }
            return;
        }
        if (!this.#pending.settle(message) && message.error) {
            // an error the server could not tie to a call (id null): a frame it could not parse
            const { code, message: text, data } = message.error;
            this.#emit('error', new TxrxError(code, text, data));
        }
        // a result nobody waits for is a reply that came after its call timed out: nothing to do
    }

    /** Signed out by the server: the channels it ended are no longer subscribed, nor asked for again. */
    #signedOut(params) {
        const ended = Array.isArray(params?.unsubscribed) ? params.unsubscribed : [];
        for (const channel of ended) {
            const subscription = this.#subscriptions.get(channel);
            if (subscription) {
                this.#subscriptions.delete(channel);
                this.#offsets.forget(channel);
                settleWaiters(subscription, new TxrxError(CLOSED, `channel.subscribe: signed out, ${channel} ended`));
            }
        }
    }

    #channelMessage(params) {
        const channel = params?.channel;
        const offset = params?.offset;
        if (!this.#subscriptions.has(channel) || !this.#offsets.accept(channel, offset)) {
            return; // unsubscribed, or seen already (a replay overlapping what arrived before)
        }
        const message = { channel, offset, data: params.data };
        this.#store.append(message);
        this.#emit('message', message);
    }

    #sendSubscribe(subscription) {
        const socket = this.#socket;
        if (subscription.socket === socket) {
            return; // already asked on this socket
        }
        subscription.socket = socket;
        const { channel } = subscription;
        const from = this.#offsets.get(channel) ?? subscription.start;
        this.call('channel.subscribe', { channel, offset: from }).then((result) => {
            if (this.#subscriptions.get(channel) !== subscription || this.#socket !== socket) {
                return;
            }
            subscription.active = true;
            subscription.result = result;
            const after = startsAfter(result);
            this.#offsets.advance(channel, after);
            this.#store.setOffset(channel, after);
            if (result?.truncated === true) {
                this.#emit('truncated', { channel, requested: from, result });
            }
            settleWaiters(subscription, null, result);
        }, (error) => {
            if (this.#subscriptions.get(channel) !== subscription) {
                return;
            }
            subscription.socket = null;
            if (error.isRpcError) {
                // refused (forbidden, invalid): the subscription ends here
                this.#subscriptions.delete(channel);
                this.#offsets.forget(channel);
                settleWaiters(subscription, error);
                this.#emit('error', error);
            } else if (error.code === TIMEOUT) {
                this.#emit('error', error);
                if (this.#socket === socket) {
                    this.#sendSubscribe(subscription);
                }
            }
            // DISCONNECTED: it is asked again on the next socket; CLOSED: the waiters were told
        });
    }

    #emitFrame(direction, text) {
        if (this.#listeners.get('frame')?.size) {
            this.#emit('frame', { direction, text, url: this.#url });
        }
    }

    #emit(event, value) {
        const listeners = this.#listeners.get(event);
        if (!listeners || listeners.size === 0) {
            if (event === 'error' && this.#options.logErrors !== false) {
                console.warn('txrx:', value?.message ?? value);
            }
            return;
        }
        for (const listener of [...listeners]) {
            try {
                listener(value);
            } catch (e) {
                if (event === 'error') {
                    console.error('txrx: an error listener failed:', e);
                } else {
                    this.#emit('error', e);
                }
            }
        }
    }
}

/**
 * The offset a subscription starts after, from the server's reply to `channel.subscribe`: everything up to
 * it is covered (replayed or before the subscription), so a resubscribe may start there.
 */
function startsAfter(result) {
    if (result === null || typeof result !== 'object') {
        return undefined;
    }
    for (const key of ['after', 'offset', 'from']) {
        if (isStreamId(result[key])) {
            return result[key];
        }
    }
    return undefined;
}

function checkChannel(channel) {
    if (typeof channel !== 'string' || channel.length === 0) {
        throw new TypeError('channel must be a non-empty string');
    }
}

function settleWaiters(subscription, error, result) {
    for (const waiter of subscription.waiters.splice(0)) {
        if (error) {
            waiter.reject(error);
        } else {
            waiter.resolve(result);
        }
    }
}

function closeQuietly(socket, code, reason) {
    if (!socket) {
        return;
    }
    try {
        socket.close(code, reason);
    } catch {
        // already closing or closed: nothing to release
    }
}

async function importWs() {
    try {
        const ws = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'ws');
        return ws.WebSocket ?? ws.default;
    } catch (e) {
        throw new TxrxError(CONNECT_FAILED,
            `no WebSocket here: pass options.WebSocket, use Node.js 22+, or npm install ws (${e.message})`);
    }
}
