/**
 * Calls waiting for their reply: matched by id, rejected on timeout or when their socket is lost, and the
 * error type every failure of the client carries.
 * @module
 */

/** Codes of failures the client detects itself (JSON-RPC errors from the server keep their numeric code). */
export const TIMEOUT = 'TIMEOUT';
export const DISCONNECTED = 'DISCONNECTED';
export const CLOSED = 'CLOSED';
export const CONNECT_FAILED = 'CONNECT_FAILED';

/**
 * A failed call or connection. For a JSON-RPC error reply, `code` is the server's number (-32601 method
 * not found, -32001 unauthorized, -32003 forbidden, ...) and `data` its data; for a failure seen by the
 * client, `code` is one of {@link TIMEOUT}, {@link DISCONNECTED}, {@link CLOSED}, {@link CONNECT_FAILED}.
 */
export class TxrxError extends Error {
    /**
     * @param {number | string} code
     * @param {string} message
     * @param {any} [data]
     * @param {string} [method] the method of the call that failed
     */
    constructor(code, message, data, method) {
        super(message);
        this.name = 'TxrxError';
        this.code = code;
        if (data !== undefined) {
            this.data = data;
        }
        if (method !== undefined) {
            this.method = method;
        }
    }

    /** Whether this is an error reply of the server (rather than a timeout or a lost socket). */
    get isRpcError() {
        return typeof this.code === 'number';
    }
}

/**
 * The calls a client waits on, by id. A call is "sent" once its frame went out on a socket; when that
 * socket is lost it is rejected with {@link DISCONNECTED}, unless it was made with `retry`, in which case
 * it is handed back to be sent again on the next socket.
 */
export class PendingCalls {
    /** @param {{setTimeout?: Function, clearTimeout?: Function}} [timers] */
    constructor(timers = {}) {
        this.setTimer = timers.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
        this.clearTimer = timers.clearTimeout ?? ((t) => clearTimeout(t));
        /** @type {Map<number|string, {method: string, frame: string, retry: boolean, sent: boolean, resolve: Function, reject: Function, timer: any}>} */
        this.calls = new Map();
    }

    get size() {
        return this.calls.size;
    }

    has(id) {
        return this.calls.has(id);
    }

    /**
     * Registers a call; the promise settles with its result, its error, or a timeout after `timeoutMs`.
     * @returns {Promise<any>}
     */
    add(id, method, frame, { timeoutMs = 30000, retry = false } = {}) {
        return new Promise((resolve, reject) => {
            const call = { method, frame, retry, sent: false, resolve, reject, timer: null };
            if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
                call.timer = this.setTimer(() => {
                    this.calls.delete(id);
                    reject(new TxrxError(TIMEOUT, `${method}: no reply within ${timeoutMs} ms`, undefined, method));
                }, timeoutMs);
            }
            this.calls.set(id, call);
        });
    }

    /** @returns {string | undefined} the frame of a call still waiting */
    frame(id) {
        return this.calls.get(id)?.frame;
    }

    markSent(id) {
        const call = this.calls.get(id);
        if (call) {
            call.sent = true;
        }
    }

    /**
     * Settles the call a reply answers.
     * @param {{id?: any, result?: any, error?: {code: number, message: string, data?: any}}} reply
     * @returns {boolean} false if no call waits for this id (a late or unknown reply)
     */
    settle(reply) {
        const call = this.calls.get(reply.id);
        if (!call) {
            return false;
        }
        this.finish(reply.id, call);
        if (reply.error !== undefined && reply.error !== null) {
            const { code, message, data } = reply.error;
            call.reject(new TxrxError(code, message ?? `error ${code}`, data, call.method));
        } else {
            call.resolve(reply.result);
        }
        return true;
    }

    /**
     * The socket the sent calls went out on is gone: calls made with `retry` are kept (and their ids
     * answered, oldest first, to be sent again), the other sent calls are rejected with `error`.
     * @param {TxrxError} error
     * @returns {Array<number|string>}
     */
    socketLost(error) {
        const resend = [];
        for (const [id, call] of this.calls) {
            if (!call.sent) {
                continue;
            }
            if (call.retry) {
                call.sent = false;
                resend.push(id);
            } else {
                this.finish(id, call);
                call.reject(withMethod(error, call.method));
            }
        }
        return resend;
    }

    /** Rejects every call (the client was closed). */
    rejectAll(error) {
        for (const [id, call] of this.calls) {
            this.finish(id, call);
            call.reject(withMethod(error, call.method));
        }
    }

    /** @private */
    finish(id, call) {
        this.calls.delete(id);
        if (call.timer !== null) {
            this.clearTimer(call.timer);
        }
    }
}

function withMethod(error, method) {
    return new TxrxError(error.code, `${method}: ${error.message}`, error.data, method);
}
