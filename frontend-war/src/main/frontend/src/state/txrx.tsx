import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { connect, type ConnectOptions, type TxrxClient, type TxrxEvents } from '@txrx/client';
import { FrameTracker, append, type FrameEntry } from '../lib/frames';
import { defaultGatewayUrl } from '../lib/gateway';
import { describeError, errorCode } from '../lib/errors';
import { droppableWebSocket } from '../lib/droppable';

/** What the console shows as the connection state: the client's own, or `disconnected` when there is none. */
export type ConsoleState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

export interface User {
  id: number;
  username: string;
  displayName?: string;
  email?: string;
  roles: string[];
}

export interface Txrx {
  url: string;
  setUrl(url: string): void;
  state: ConsoleState;
  /** The gateway of the current socket, when connected. */
  connectedUrl: string | null;
  lastError: string | null;
  client: TxrxClient | null;
  connect(url?: string): void;
  disconnect(): void;
  /** Drops the socket as a network failure would (the client reconnects); false when none is open. */
  drop(): boolean;
  frames: FrameEntry[];
  note(text: string): void;
  clearFrames(): void;
  user: User | null;
  /** The session token, for the notifications HTTP API. */
  token: string | null;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  signOutReason: string | null;
  isAdmin: boolean;
}

const TxrxContext = createContext<Txrx | null>(null);
const TOKEN_KEY = 'txrx:console:token';

function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export interface TxrxProviderProps {
  children: ReactNode;
  /** Makes the client (tests pass one on a fake socket). */
  connectClient?: (url: string, options: ConnectOptions) => TxrxClient;
  initialUrl?: string;
  autoConnect?: boolean;
}

/** Holds the one client of the page, its state, the frame log and who is signed in. */
export function TxrxProvider({ children, connectClient, initialUrl, autoConnect = true }: TxrxProviderProps) {
  const [url, setUrl] = useState(() => initialUrl ?? defaultGatewayUrl());
  const [client, setClient] = useState<TxrxClient | null>(null);
  const [state, setState] = useState<ConsoleState>('disconnected');
  const [connectedUrl, setConnectedUrl] = useState<string | null>(null);
  const [lastError, setLastError] = useState<string | null>(null);
  const [frames, setFrames] = useState<FrameEntry[]>([]);
  const [user, setUser] = useState<User | null>(null);
  const [token, setToken] = useState<string | null>(() => session()?.getItem(TOKEN_KEY) ?? null);
  const [signOutReason, setSignOutReason] = useState<string | null>(null);
  const tracker = useRef(new FrameTracker());
  const tokenRef = useRef(token);
  tokenRef.current = token;

  const keepToken = useCallback((next: string | null) => {
    setToken(next);
    tokenRef.current = next;
    try {
      if (next) session()?.setItem(TOKEN_KEY, next);
      else session()?.removeItem(TOKEN_KEY);
    } catch {
      // storage disabled: the session lasts as long as the socket
    }
  }, []);

  const keepTokenRef = useRef(keepToken);
  keepTokenRef.current = keepToken;

  const record = useCallback((direction: FrameEntry['direction'], text: string) => {
    const entry = tracker.current.record(direction, text);
    setFrames((list) => append(list, entry));
  }, []);

  const current = useRef<TxrxClient | null>(null);
  const resumeRef = useRef(async (c: TxrxClient) => {
    const saved = tokenRef.current;
    if (!saved) return;
    try {
      const r = await c.call<{ user: User }>('auth.resume', { token: saved });
      setUser(r.user);
    } catch (e) {
      if (errorCode(e) === -32001) {
        keepTokenRef.current(null);
        setUser(null);
        setSignOutReason('Your session ended: sign in again');
      }
    }
  });
  const sockets = useRef<ReturnType<typeof droppableWebSocket> | null>(null);

  const open = useCallback(
    (target?: string) => {
      const next = target ?? url;
      if (target) setUrl(target);
      current.current?.close();
      setLastError(null);
      setState('connecting');
      // every new socket is signed in again before the client subscribes its channels again (they may need it)
      const options: ConnectOptions = { backoffMaxMs: 5000, logErrors: false, onOpen: (c) => resumeRef.current(c) };
      let made: TxrxClient;
      if (connectClient) {
        made = connectClient(next, options);
      } else {
        sockets.current = droppableWebSocket();
        made = connect([next], { ...options, WebSocket: sockets.current.WebSocket });
      }
      current.current = made;
      setClient(made);
    },
    [url, connectClient],
  );

  const disconnect = useCallback(() => {
    current.current?.close();
    current.current = null;
    setClient(null);
    setState('disconnected');
    setConnectedUrl(null);
    setUser(null);
  }, []);

  // the client's events drive the state, the frame log and the session
  useEffect(() => {
    if (!client) return;
    const offs = [
      client.on('frame', (f: TxrxEvents['frame']) => record(f.direction, f.text)),
      client.on('connect', (e) => {
        setState('connected');
        setConnectedUrl(e.url);
        setLastError(null);
      }),
      client.on('disconnect', (e) => {
        setState(e.willReconnect ? 'reconnecting' : 'disconnected');
        setConnectedUrl(null);
        setLastError(`socket closed (${e.code}${e.reason ? ' ' + e.reason : ''})`);
        record('local', `socket to ${e.url} closed with ${e.code}${e.reason ? ' ' + e.reason : ''}${e.willReconnect ? '; reconnecting' : ''}`);
      }),
      client.on('error', (e) => {
        setLastError(describeError(e));
        if (client.state !== 'connected') setState(client.state === 'closed' ? 'disconnected' : 'reconnecting');
      }),
      client.on('notification', (n) => {
        if (n.method === 'auth.signedOut') {
          setUser(null);
          keepToken(null);
          const reason = (n.params as { reason?: string } | undefined)?.reason;
          setSignOutReason(`Signed out from elsewhere${reason ? ` (${reason})` : ''}`);
        }
      }),
    ];
    // the client changes state between events too (a retry timer): follow it
    const timer = setInterval(() => {
      const s = client.state;
      setState(s === 'closed' ? 'disconnected' : s);
    }, 500);
    return () => {
      offs.forEach((off) => off());
      clearInterval(timer);
    };
  }, [client, record, keepToken]);

  useEffect(() => {
    if (autoConnect) open();
    // connect once on start; later connects are the user's
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => () => client?.close(), [client]);

  const signIn = useCallback(
    async (login: string, password: string) => {
      if (!client) throw new Error('Not connected to the gateway');
      const r = await client.call<{ token: string; user: User }>('auth.login', { login, password });
      keepToken(r.token);
      setUser(r.user);
      setSignOutReason(null);
    },
    [client, keepToken],
  );

  const signOut = useCallback(async () => {
    try {
      if (client && client.state === 'connected') await client.call('auth.logout');
    } finally {
      keepToken(null);
      setUser(null);
      setSignOutReason(null);
    }
  }, [client, keepToken]);

  const value = useMemo<Txrx>(
    () => ({
      url,
      setUrl,
      state,
      connectedUrl,
      lastError,
      client,
      connect: open,
      disconnect,
      drop: () => sockets.current?.drop() ?? false,
      frames,
      note: (text: string) => record('local', text),
      clearFrames: () => setFrames([]),
      user,
      token,
      signIn,
      signOut,
      signOutReason,
      isAdmin: !!user?.roles?.includes('admin'),
    }),
    [url, state, connectedUrl, lastError, client, open, disconnect, frames, record, user, token, signIn, signOut, signOutReason],
  );
  return <TxrxContext.Provider value={value}>{children}</TxrxContext.Provider>;
}

export function useTxrx(): Txrx {
  const value = useContext(TxrxContext);
  if (!value) throw new Error('useTxrx outside TxrxProvider');
  return value;
}

/** Listens to an event of the current client, again on each new client. */
export function useTxrxEvent<E extends keyof TxrxEvents>(event: E, listener: (value: TxrxEvents[E]) => void): void {
  const { client } = useTxrx();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => client?.on(event, (v) => ref.current(v)), [client, event]);
}

/** Polls `load` every `everyMs` while connected; the latest value, error and whether it is loading. */
export function usePoll<T>(load: (client: TxrxClient) => Promise<T>, everyMs: number, deps: unknown[] = []) {
  const { client, state } = useTxrx();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (!client || state !== 'connected') return;
    let live = true;
    let inFlight = false;
    const run = () => {
      if (inFlight) return; // a slow answer (a method held until its grace ends) is not asked again meanwhile
      inFlight = true;
      setLoading(true);
      loadRef.current(client)
        .then((d) => live && (setData(d), setError(null)))
        .catch((e) => live && setError(e))
        .finally(() => {
          inFlight = false;
          if (live) setLoading(false);
        });
    };
    run();
    const timer = everyMs > 0 ? setInterval(run, everyMs) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, state, everyMs, tick, ...deps]);
  return { data, error, loading, reload: () => setTick((t) => t + 1) };
}
