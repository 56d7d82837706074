/**
 * Channel offsets are Redis stream ids (`1718000000000-0`: milliseconds, then a sequence). This module
 * orders them and keeps, per channel, the last offset handed to the application, so a message that arrives
 * twice (a replay after a reconnect overlapping what was already seen) is handed over only once.
 * @module
 */

/** Offsets with a meaning of their own in `channel.subscribe`: `$` only new messages, `0` everything kept. */
export const NEW_ONLY = '$';
export const EVERYTHING = '0';

/**
 * Parses a stream id into [milliseconds, sequence] as BigInts (exact past 2^53).
 * @param {string} offset
 * @returns {[bigint, bigint]}
 */
export function parseOffset(offset) {
    const text = String(offset);
    const match = /^(\d+)(?:-(\d+))?$/.exec(text);
    if (!match) {
        throw new TypeError(`not a stream offset: ${text}`);
    }
    return [BigInt(match[1]), BigInt(match[2] ?? '0')];
}

/** Whether `offset` is a concrete stream id (not `$`, not empty). */
export function isStreamId(offset) {
    return typeof offset === 'string' && /^\d+(?:-\d+)?$/.test(offset);
}

/**
 * Orders two stream ids.
 * @param {string} a
 * @param {string} b
 * @returns {number} negative if a is older, 0 if the same, positive if a is newer
 */
export function compareOffsets(a, b) {
    const [am, as] = parseOffset(a);
    const [bm, bs] = parseOffset(b);
    if (am !== bm) {
        return am < bm ? -1 : 1;
    }
    return as === bs ? 0 : as < bs ? -1 : 1;
}

/**
 * The last offset delivered, per channel. {@link OffsetTracker#accept} says whether a message is new
 * (newer than the last one delivered) and, if it is, moves the channel's offset forward.
 */
export class OffsetTracker {
    constructor() {
        /** @type {Map<string, string>} */
        this.last = new Map();
    }

    /** @returns {string | undefined} the last offset delivered on `channel` */
    get(channel) {
        return this.last.get(channel);
    }

    /**
     * Moves `channel` forward to `offset` without delivering anything (the point a subscription starts
     * after, or an offset loaded from the store). Never moves backwards.
     */
    advance(channel, offset) {
        if (!isStreamId(offset)) {
            return;
        }
        const last = this.last.get(channel);
        if (last === undefined || compareOffsets(offset, last) > 0) {
            this.last.set(channel, offset);
        }
    }

    /**
     * @returns {boolean} true (and remembers `offset`) if the message is newer than anything delivered on
     * `channel`; false for a duplicate or an older message
     */
    accept(channel, offset) {
        if (!isStreamId(offset)) {
            return false;
        }
        const last = this.last.get(channel);
        if (last !== undefined && compareOffsets(offset, last) <= 0) {
            return false;
        }
        this.last.set(channel, offset);
        return true;
    }

    forget(channel) {
        this.last.delete(channel);
    }
}
