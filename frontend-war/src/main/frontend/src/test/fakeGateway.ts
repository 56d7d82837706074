import { connect, type ConnectOptions, type TxrxClient, type WebSocketConstructor } from '@txrx/client';

type Handler = (params: any, message: any) => unknown;

/**
 * A gateway in memory for component tests: the real @txrx/client on a fake WebSocket, whose calls are answered
 * by handlers (a thrown {code, message} becomes an error reply). `push` sends a server notification.
 */
export class FakeGateway {
  handlers: Record<string, Handler> = {};
  sockets: FakeSocket[] = [];
  autoAccept = true;

  constructor(handlers: Record<string, Handler> = {}) {
    this.handlers = { 'system.methods': () => [], ...handlers };
  }

  get socket(): FakeSocket {
    return this.sockets[this.sockets.length - 1];
  }

  connectClient = (url: string, options: ConnectOptions = {}): TxrxClient => {
    const gateway = this;
    class Socket extends FakeSocket {
      constructor(u: string) {
        super(u, gateway);
        gateway.sockets.push(this);
        if (gateway.autoAccept) setTimeout(() => this.accept(), 0);
      }
    }
    return connect([url], { ...options, WebSocket: Socket as unknown as WebSocketConstructor, store: false, logErrors: false, backoffBaseMs: 1, backoffMaxMs: 5 });
  };

  push(method: string, params: unknown) {
    this.socket.deliver({ jsonrpc: '2.0', method, params });
  }
}

export class FakeSocket {
  readyState = 0;
  sent: string[] = [];
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;

  constructor(
    public url: string,
    private gateway: FakeGateway,
  ) {}

  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }

  send(text: string) {
    this.sent.push(text);
    const parsed = JSON.parse(text);
    const answers = (Array.isArray(parsed) ? parsed : [parsed]).flatMap((m) => this.answer(m));
    if (answers.length) setTimeout(() => this.deliver(Array.isArray(parsed) ? answers : answers[0]), 1);
  }

  close(code = 1000, reason = '') {
    this.readyState = 3;
    setTimeout(() => this.onclose?.({ code, reason }), 0);
  }

  deliver(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  private answer(m: any): unknown[] {
    if (!('id' in m)) return [];
    const handler = this.gateway.handlers[m.method];
    if (!handler) return [{ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } }];
    try {
      return [{ jsonrpc: '2.0', id: m.id, result: handler(m.params, m) ?? null }];
    } catch (e) {
      const { code, message } = e as { code: number; message: string };
      return [{ jsonrpc: '2.0', id: m.id, error: { code, message } }];
    }
  }
}
