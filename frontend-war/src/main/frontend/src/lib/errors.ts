/** Words for what went wrong, from the client's TxrxError (a server code or one of the client's own). */
export function describeError(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) {
    const { code, message } = e as { code: number | string; message: string };
    switch (code) {
      case -32001:
        return `Sign in first (${message})`;
      case -32003:
        return `Not allowed: this needs another role (${message})`;
      case -32601:
        return `This server has no such method (${message})`;
      case -32006:
        return 'The server cannot reach its message bus (Redis): try again in a moment';
      case 'DISCONNECTED':
        return 'Not connected to the gateway';
      case 'TIMEOUT':
        return 'No reply in time';
      case 'CLOSED':
        return 'Disconnected';
      default:
        return `${message} (${code})`;
    }
  }
  return e instanceof Error ? e.message : String(e);
}

export function errorCode(e: unknown): number | string | undefined {
  return e && typeof e === 'object' && 'code' in e ? (e as { code: number | string }).code : undefined;
}
