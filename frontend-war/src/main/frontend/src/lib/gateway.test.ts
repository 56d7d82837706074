import { defaultGatewayUrl, httpBase, isSocketUrl } from './gateway';
import { routeOf } from './route';

describe('the gateway address', () => {
  it('is beside the page, or given with ?url=', () => {
    expect(defaultGatewayUrl({ protocol: 'http:', host: '127.0.0.1:8080', search: '' })).toBe('ws://127.0.0.1:8080/gateway/ws');
    expect(defaultGatewayUrl({ protocol: 'https:', host: 'txrx.example', search: '' })).toBe('wss://txrx.example/gateway/ws');
    expect(defaultGatewayUrl({ protocol: 'http:', host: 'a', search: '?url=ws://b:1/gateway/ws' })).toBe('ws://b:1/gateway/ws');
    expect(defaultGatewayUrl({ protocol: 'file:', host: '', search: '' })).toBe('ws://127.0.0.1:8080/gateway/ws');
  });

  it('gives the HTTP API base of a socket URL', () => {
    expect(httpBase('ws://127.0.0.1:8080/gateway/ws')).toBe('http://127.0.0.1:8080/gateway');
    expect(httpBase('wss://x.example/gateway/ws?x=1')).toBe('https://x.example/gateway');
    expect(isSocketUrl('ws://a/b')).toBe(true);
    expect(isSocketUrl('http://a/b')).toBe(false);
    expect(isSocketUrl('nonsense')).toBe(false);
  });

  it('routes by the hash, the playground by default', () => {
    expect(routeOf('#/admin/cluster')).toBe('admin/cluster');
    expect(routeOf('')).toBe('playground');
    expect(routeOf('#/nowhere')).toBe('playground');
  });
});
