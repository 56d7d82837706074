/** Where the console connects by default: the gateway beside the page, or `?url=` in the page's address. */
export function defaultGatewayUrl(location: Pick<Location, 'protocol' | 'host' | 'search'> = window.location): string {
  const override = new URLSearchParams(location.search).get('url');
  if (override) return override;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return 'ws://127.0.0.1:8080/gateway/ws';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/gateway/ws`;
}

/** The gateway's HTTP base (for the notifications API and SSE) from its socket URL. */
export function httpBase(socketUrl: string): string {
  const url = new URL(socketUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = url.pathname.replace(/\/ws\/?$/, '');
  url.search = '';
  return url.toString().replace(/\/$/, '');
}

export function isSocketUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'ws:' || url.protocol === 'wss:';
  } catch {
    return false;
  }
}
