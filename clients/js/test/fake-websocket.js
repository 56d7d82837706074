/**
 * A WebSocket stand-in for the client's tests: each socket the client opens is recorded on a FakeNetwork,
 * and the test plays the server (accept, refuse, drop, reply, push).
 */
export class FakeNetwork {
    constructor() {
        /** @type {FakeSocket[]} */
        this.sockets = [];
        const network = this;
        this.WebSocket = class extends FakeSocket {
            constructor(url) {
                super(url);
                network.sockets.push(this);
            }
        };
    }

    /** The newest socket. */
    get last() {
        return this.sockets[this.sockets.length - 1];
    }

    /** Waits until the client has opened `count` sockets; answers the newest. */
    async opened(count = this.sockets.length + 1) {
        await until(() => this.sockets.length >= count, `${count} sockets opened`);
        return this.last;
    }
}

class FakeSocket {
    constructor(url) {
        this.url = url;
        this.readyState = 0;
        /** @type {string[]} */
        this.sent = [];
        this.closedWith = null;
    }

    send(text) {
        if (this.readyState !== 1) {
            throw new Error('socket not open');
        }
        this.sent.push(text);
    }

    close(code = 1005, reason = '') {
        if (this.readyState >= 2) {
            return;
        }
        this.readyState = 3;
        this.closedWith = { code, reason };
        queueMicrotask(() => this.onclose?.({ code, reason }));
    }

    // ---- the server's side ----

    accept() {
        this.readyState = 1;
        this.onopen?.({});
    }

    refuse() {
        this.readyState = 3;
        this.onerror?.({});
        this.onclose?.({ code: 1006, reason: '' });
    }

    drop(code = 1006) {
        this.readyState = 3;
        this.onclose?.({ code, reason: '' });
    }

    receive(message) {
        this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
    }

    /** Every frame the client sent, parsed. */
    get frames() {
        return this.sent.map((text) => JSON.parse(text));
    }

    /** Waits for the client to send a call of `method`; answers it (the parsed frame). */
    async call(method, { after = 0 } = {}) {
        let found;
        await until(() => (found = this.frames.slice(after).find((f) => f.method === method)) !== undefined,
            `a ${method} call on ${this.url}`);
        return found;
    }

    reply(id, result) {
        this.receive({ jsonrpc: '2.0', id, result });
    }

    fail(id, code, message, data) {
        this.receive({ jsonrpc: '2.0', id, error: data === undefined ? { code, message } : { code, message, data } });
    }

    push(channel, offset, data) {
        this.receive({ jsonrpc: '2.0', method: 'channel.message', params: { channel, offset, data } });
    }
}

/** Polls `condition` (a few ms apart) until it holds, failing after `timeoutMs`. */
export async function until(condition, what = 'a condition', timeoutMs = 2000) {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
    }
}

/** A Web Storage area in memory; `quota` (characters) makes setItem throw like a full localStorage. */
export class FakeStorage {
    constructor(quota = Infinity) {
        this.items = new Map();
        this.quota = quota;
        this.writes = 0;
    }

    getItem(key) {
        return this.items.has(key) ? this.items.get(key) : null;
    }

    setItem(key, value) {
        const used = [...this.items].filter(([k]) => k !== key).reduce((n, [k, v]) => n + k.length + v.length, 0);
        if (used + key.length + String(value).length > this.quota) {
            throw new Error('QuotaExceededError');
        }
        this.writes++;
        this.items.set(key, String(value));
    }

    removeItem(key) {
        this.items.delete(key);
    }
}
