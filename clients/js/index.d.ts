// Types of @txrx/client (txrx.js and the modules it re-exports).

/** A channel message as the application gets it, exactly once per offset. */
export interface ChannelMessage<T = unknown> {
    channel: string;
    /** A Redis stream id such as `1718000000000-0`. */
    offset: string;
    data: T;
}

/** What {@link TxrxClient.load} answers: the kept messages, oldest first, and the last offset seen. */
export interface ChannelState<T = unknown> {
    messages: ChannelMessage<T>[];
    offset: string | null;
}

/** Where a client keeps channel messages; {@link MemoryStore} and {@link WebStorageStore} are two. */
export interface ChannelStore {
    load(channel: string): ChannelState;
    append(message: ChannelMessage): void;
    setOffset(channel: string, offset: string): void;
    clear(channel: string): void;
    flush(): void;
}

/** A WebSocket constructor as browsers, Node.js 22+ and the `ws` package have it. */
export type WebSocketConstructor = new (url: string) => {
    readonly readyState: number;
    send(data: string): void;
    close(code?: number, reason?: string): void;
    onopen: ((event: any) => void) | null;
    onmessage: ((event: { data: any }) => void) | null;
    onclose: ((event: { code: number; reason: string }) => void) | null;
    onerror: ((event: any) => void) | null;
};

export interface ConnectOptions {
    /** WebSocket class to use; default `globalThis.WebSocket`, else the `ws` package (imported when needed). */
    WebSocket?: WebSocketConstructor;
    /** Default timeout of a call, ms (default 30000). */
    callTimeout?: number;
    /** How long a socket may take to open before the next gateway is tried, ms (default 10000). */
    connectTimeout?: number;
    /** First reconnect delay, ms (default 250); doubles per failed attempt. */
    backoffBaseMs?: number;
    /** Longest reconnect delay, ms (default 10000). */
    backoffMaxMs?: number;
    /** A connection that lived this long starts the backoff over when lost, ms (default 5000). */
    stableMs?: number;
    /** Calls `system.ping` this often and gives up on a socket that does not answer in time; 0 = off (default). */
    heartbeatMs?: number;
    /** Most notifications held while disconnected (default 1000); the oldest is dropped beyond. */
    maxQueue?: number;
    /** Messages kept per channel by the default store (default 1000). */
    keep?: number;
    /** Key prefix in localStorage (default `txrx:channel:`). */
    storagePrefix?: string;
    /** A store of your own, or `false` to keep no messages (offsets are still tracked in memory). */
    store?: ChannelStore | false;
    /** Random numbers in [0, 1) for the jitter (tests). */
    random?: () => number;
    /**
     * Runs on every new socket, after `connect` and before the channels are subscribed again and the calls held
     * while disconnected are sent; those wait for the promise it returns (a failure is an `error` event). Calls
     * made in it go out at once: the place to sign the socket in again (`auth.resume`).
     */
    onOpen?: (client: TxrxClient, event: ConnectEvent) => unknown;
    /** Log `error` events to the console when nobody listens (default true). */
    logErrors?: boolean;
}

export interface CallOptions {
    /** ms; default the client's `callTimeout`. 0 or Infinity waits forever. */
    timeout?: number;
    /** Send again on the next socket if the socket is lost before the reply (the server may run it twice). */
    retry?: boolean;
}

export interface ConnectEvent { url: string; reconnect: boolean }
export interface DisconnectEvent { url: string; code: number; reason: string; willReconnect: boolean }
export interface NotificationEvent { method: string; params?: unknown }
export interface TruncatedEvent { channel: string; requested: string; result: unknown }
/** A text frame as written to (`out`) or read from (`in`) the socket. */
export interface FrameEvent { direction: 'out' | 'in'; text: string; url: string | null }
export interface BatchEntry { method: string; params?: unknown; notification?: boolean }
export type BatchReply = { result: unknown; error?: undefined } | { error: TxrxError; result?: undefined } | null;

export interface TxrxEvents {
    connect: ConnectEvent;
    disconnect: DisconnectEvent;
    message: ChannelMessage;
    notification: NotificationEvent;
    truncated: TruncatedEvent;
    error: TxrxError | Error;
    frame: FrameEvent;
}

export type EventName = keyof TxrxEvents;
export const EVENTS: readonly EventName[];

/** Local failure codes; JSON-RPC errors keep the server's numeric code. */
export const TIMEOUT: 'TIMEOUT';
export const DISCONNECTED: 'DISCONNECTED';
export const CLOSED: 'CLOSED';
export const CONNECT_FAILED: 'CONNECT_FAILED';
export type LocalCode = typeof TIMEOUT | typeof DISCONNECTED | typeof CLOSED | typeof CONNECT_FAILED;

export class TxrxError extends Error {
    constructor(code: number | LocalCode, message: string, data?: unknown, method?: string);
    /** The server's JSON-RPC code (-32601, -32001, -32003, ...) or a {@link LocalCode}. */
    readonly code: number | LocalCode;
    readonly data?: unknown;
    /** The method of the call that failed. */
    readonly method?: string;
    /** True for an error reply of the server. */
    readonly isRpcError: boolean;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export class TxrxClient {
    constructor(urls: string | string[], options?: ConnectOptions);
    readonly state: ConnectionState;
    readonly url: string | null;
    readonly channels: string[];
    on<E extends EventName>(event: E, listener: (value: TxrxEvents[E]) => void): () => void;
    off<E extends EventName>(event: E, listener: (value: TxrxEvents[E]) => void): void;
    ready(): Promise<void>;
    call<R = unknown>(method: string, params?: unknown, options?: CallOptions): Promise<R>;
    notify(method: string, params?: unknown): void;
    /** One batch frame on the open socket; one reply per entry, `null` for notifications. */
    batch(entries: BatchEntry[], options?: { timeout?: number }): Promise<BatchReply[]>;
    /** `offset`: `$` new only, `0` everything kept, or a stream id; omitted: resume after what was kept. */
    subscribe<R = unknown>(channel: string, offset?: string): Promise<R>;
    unsubscribe(channel: string): Promise<unknown>;
    publish<R = { offset: string }>(channel: string, data: unknown, options?: CallOptions): Promise<R>;
    history<R = unknown>(channel: string, range?: { from?: string; to?: string; limit?: number }, options?: CallOptions): Promise<R>;
    load<T = unknown>(channel: string): ChannelState<T>;
    close(): void;
}

export function connect(urls: string | string[], options?: ConnectOptions): TxrxClient;

export const NEW_ONLY: '$';
export const EVERYTHING: '0';
export function compareOffsets(a: string, b: string): number;
export function isStreamId(offset: unknown): offset is string;
export class OffsetTracker {
    get(channel: string): string | undefined;
    advance(channel: string, offset: string | null | undefined): void;
    accept(channel: string, offset: string): boolean;
    forget(channel: string): void;
}

export function backoffDelay(attempt: number, options?: { baseMs?: number; maxMs?: number; random?: () => number }): number;
export class Backoff {
    constructor(options?: { baseMs?: number; maxMs?: number; random?: () => number });
    next(): number;
    reset(): void;
}
export class UrlRotation {
    constructor(urls: string | string[]);
    current(): string;
    advance(): string;
}

export class PendingCalls {
    constructor(timers?: { setTimeout?: (fn: () => void, ms: number) => unknown; clearTimeout?: (timer: unknown) => void });
    readonly size: number;
    has(id: number | string): boolean;
    add(id: number | string, method: string, frame: string, options?: { timeoutMs?: number; retry?: boolean }): Promise<unknown>;
    frame(id: number | string): string | undefined;
    markSent(id: number | string): void;
    settle(reply: { id?: unknown; result?: unknown; error?: { code: number; message: string; data?: unknown } }): boolean;
    socketLost(error: TxrxError): Array<number | string>;
    rejectAll(error: TxrxError): void;
}

export const DEFAULT_KEEP: number;
export class MemoryStore implements ChannelStore {
    constructor(options?: { keep?: number });
    load(channel: string): ChannelState;
    append(message: ChannelMessage): void;
    setOffset(channel: string, offset: string): void;
    clear(channel: string): void;
    flush(): void;
}
export class WebStorageStore extends MemoryStore {
    constructor(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
        options?: { keep?: number; prefix?: string; flushMs?: number; onError?: (e: Error) => void });
}
export function defaultStore(options?: { keep?: number; prefix?: string }): ChannelStore;
