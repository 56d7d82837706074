import type { WebSocketConstructor } from '@txrx/client';

/**
 * The browser's WebSocket, remembering the newest socket so the console can drop it on purpose (to watch the
 * client reconnect and resume its channels). The client is given this class through its `WebSocket` option.
 */
export function droppableWebSocket(base: typeof WebSocket = globalThis.WebSocket) {
  let newest: WebSocket | null = null;
  class Droppable extends base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      newest = this;
    }
  }
  return {
    // the client's WebSocketConstructor types its handlers' events loosely; the browser's class fits it
    WebSocket: Droppable as unknown as WebSocketConstructor,
    /** Closes the current socket as if the network dropped it; false when there is none open. */
    drop(): boolean {
      if (!newest || newest.readyState !== base.OPEN) return false;
      newest.close(4001, 'dropped from the console');
      return true;
    },
  };
}
