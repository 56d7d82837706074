/**
 * Reconnect delays: exponential backoff with jitter, and the rotation over several gateway URLs.
 * Pure functions and small classes, no I/O, so they are tested without a network.
 * @module
 */

/**
 * The delay before reconnect attempt `attempt` (0 for the first retry): `baseMs * 2^attempt`, capped at
 * `maxMs`, then "equal jitter": a random point in the upper half, so a fleet of clients that lost the same
 * gateway does not come back in one wave, and no client retries sooner than half the nominal delay.
 *
 * @param {number} attempt failed attempts since the last good connection, from 0
 * @param {{baseMs?: number, maxMs?: number, random?: () => number}} [options]
 * @returns {number} milliseconds
 */
export function backoffDelay(attempt, { baseMs = 250, maxMs = 10000, random = Math.random } = {}) {
    const nominal = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
    const half = nominal / 2;
    return Math.round(half + random() * half);
}

/** Counts failed attempts and answers the next delay; {@link Backoff#reset} after a good connection. */
export class Backoff {
    /** @param {{baseMs?: number, maxMs?: number, random?: () => number}} [options] */
    constructor(options = {}) {
        this.options = options;
        this.attempt = 0;
    }

    /** @returns {number} the delay before the next attempt, in ms; counts the attempt */
    next() {
        return backoffDelay(this.attempt++, this.options);
    }

    reset() {
        this.attempt = 0;
    }
}

/**
 * The gateway URLs a client may use, in turn: after a failed attempt or a lost connection the next one is
 * tried, so a dead gateway costs one attempt, not a stall.
 */
export class UrlRotation {
    /** @param {string | string[]} urls at least one `ws://` or `wss://` URL */
    constructor(urls) {
        const list = (Array.isArray(urls) ? urls : [urls]).map(String).filter((u) => u.length > 0);
        if (list.length === 0) {
            throw new TypeError('connect needs at least one gateway URL');
        }
        this.urls = list;
        this.index = 0;
    }

    /** @returns {string} the URL to try now */
    current() {
        return this.urls[this.index];
    }

    /** Moves on to the next URL (after a failure) and answers it. */
    advance() {
        this.index = (this.index + 1) % this.urls.length;
        return this.current();
    }
}
