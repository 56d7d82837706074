/**
 * Where a client keeps the messages it received, per channel and bounded, with the last offset seen:
 * in memory (Node.js, or when told so), or in a Web Storage area (`localStorage` in a browser) so a page
 * reload resumes where it left off.
 * @module
 */

import { compareOffsets, isStreamId } from './offsets.js';

/** Messages kept per channel unless told otherwise. */
export const DEFAULT_KEEP = 1000;

/**
 * @typedef {{channel: string, offset: string, data: any}} ChannelMessage
 * @typedef {{messages: ChannelMessage[], offset: string | null}} ChannelState
 */

/** Messages in memory, the newest `keep` per channel. */
export class MemoryStore {
    /** @param {{keep?: number}} [options] */
    constructor({ keep = DEFAULT_KEEP } = {}) {
        if (!(keep >= 0)) {
            throw new RangeError(`keep must be 0 or more, not ${keep}`);
        }
        this.keep = keep;
        /** @type {Map<string, ChannelState>} */
        this.channels = new Map();
    }

    /** @returns {ChannelState} a copy: the kept messages, oldest first, and the last offset seen */
    load(channel) {
        const state = this.state(channel);
        return { messages: state.messages.slice(), offset: state.offset };
    }

    /**
     * Keeps a delivered message (dropping the oldest over the bound) and moves the offset to it; a message
     * not newer than the channel's offset is kept already and ignored, so the kept list stays in order.
     */
    append(message) {
        const state = this.state(message.channel);
        if (!this.moveOffset(state, message.offset)) {
            return;
        }
        if (this.keep > 0) {
            state.messages.push({ channel: message.channel, offset: message.offset, data: message.data });
            if (state.messages.length > this.keep) {
                state.messages.splice(0, state.messages.length - this.keep);
            }
        }
        this.changed(message.channel, state);
    }

    /** Records that everything up to `offset` has been seen on `channel` (no message kept). */
    setOffset(channel, offset) {
        const state = this.state(channel);
        if (this.moveOffset(state, offset)) {
            this.changed(channel, state);
        }
    }

    /** Forgets a channel's messages and offset. */
    clear(channel) {
        this.channels.delete(channel);
        this.changed(channel, null);
    }

    /** Writes anything not yet written (nothing to do in memory). */
    flush() {}

    /** @protected @returns {ChannelState} the live state of a channel, created empty */
    state(channel) {
        let state = this.channels.get(channel);
        if (!state) {
            state = this.read(channel) ?? { messages: [], offset: null };
            this.channels.set(channel, state);
        }
        return state;
    }

    /** @protected a stored state, for subclasses that persist */
    read(_channel) {
        return null;
    }

    /** @protected called after every change */
    changed(_channel, _state) {}

    /** @private */
    moveOffset(state, offset) {
        if (!isStreamId(offset) || (state.offset !== null && compareOffsets(offset, state.offset) <= 0)) {
            return false;
        }
        state.offset = offset;
        return true;
    }
}

/**
 * Like {@link MemoryStore}, persisted in a Web Storage area under `<prefix><channel>` as JSON. Writes are
 * gathered for `flushMs` (a burst of messages costs one write); {@link WebStorageStore#flush} writes now.
 * When the area is full the oldest half of that channel's messages is dropped and the write tried again.
 */
export class WebStorageStore extends MemoryStore {
    /**
     * @param {Storage} storage `localStorage`, `sessionStorage` or anything with getItem/setItem/removeItem
     * @param {{keep?: number, prefix?: string, flushMs?: number, onError?: (e: Error) => void}} [options]
     */
    constructor(storage, { keep = DEFAULT_KEEP, prefix = 'txrx:channel:', flushMs = 100, onError } = {}) {
        super({ keep });
        this.storage = storage;
        this.prefix = prefix;
        this.flushMs = flushMs;
        this.onError = onError ?? ((e) => console.warn('txrx: cannot write channel store:', e));
        /** @type {Set<string>} */
        this.dirty = new Set();
        this.timer = null;
    }

    read(channel) {
        const text = this.storage.getItem(this.prefix + channel);
        if (text === null) {
            return null;
        }
        try {
            const stored = JSON.parse(text);
            const messages = Array.isArray(stored.messages) ? stored.messages.slice(-this.keep || undefined) : [];
            return { messages: this.keep > 0 ? messages : [], offset: isStreamId(stored.offset) ? stored.offset : null };
        } catch (e) {
            this.onError(new Error(`ignoring an unreadable store entry for channel ${channel}: ${e.message}`));
            return null;
        }
    }

    changed(channel, _state) {
        this.dirty.add(channel);
        if (this.flushMs <= 0) {
            this.flush();
        } else if (this.timer === null) {
            this.timer = setTimeout(() => this.flush(), this.flushMs);
        }
    }

    flush() {
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
        }
        for (const channel of this.dirty) {
            this.write(channel);
        }
        this.dirty.clear();
    }

    /** @private */
    write(channel) {
        const key = this.prefix + channel;
        const state = this.channels.get(channel);
        if (!state) {
            this.storage.removeItem(key);
            return;
        }
        for (;;) {
            try {
                this.storage.setItem(key, JSON.stringify(state));
                return;
            } catch (e) {
                if (state.messages.length === 0) {
                    this.onError(e);
                    return;
                }
                state.messages.splice(0, Math.ceil(state.messages.length / 2));
            }
        }
    }
}

/**
 * The store a client uses by default: `localStorage` when the platform has one that works (a browser),
 * memory otherwise (Node.js, or a browser with storage disabled).
 * @param {{keep?: number, prefix?: string}} [options]
 */
export function defaultStore(options = {}) {
    const storage = webStorage();
    return storage ? new WebStorageStore(storage, options) : new MemoryStore(options);
}

function webStorage() {
    try {
        const storage = globalThis.localStorage;
        if (!storage) {
            return null;
        }
        const probe = '__txrx_probe__';
        storage.setItem(probe, probe);
        storage.removeItem(probe);
        return storage;
    } catch {
        return null;
    }
}
