import { FrameTracker, append, classify, matches, render, NO_FILTER } from './frames';

describe('the frame log', () => {
  it('tells calls, notifications, replies, errors, pushes and batches apart', () => {
    expect(classify({ jsonrpc: '2.0', id: 1, method: 'system.ping' }, 'out').kind).toBe('call');
    expect(classify({ jsonrpc: '2.0', method: 'audit.note' }, 'out').kind).toBe('notification');
    expect(classify({ jsonrpc: '2.0', method: 'channel.message', params: {} }, 'in').kind).toBe('push');
    expect(classify({ jsonrpc: '2.0', id: 1, result: 'pong' }, 'in').kind).toBe('reply');
    const error = classify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }, 'in');
    expect(error).toMatchObject({ kind: 'error', error: true, ids: [null] });
    const batch = classify([{ jsonrpc: '2.0', id: 1, method: 'a.b' }, { jsonrpc: '2.0', method: 'c.d' }], 'out');
    expect(batch).toMatchObject({ kind: 'batch', ids: [1], methods: ['a.b', 'c.d'] });
  });

  it('gives a reply the time since its call went out, keeping "7" and 7 apart', () => {
    const t = new FrameTracker();
    t.record('out', '{"jsonrpc":"2.0","id":7,"method":"x.y"}', 100);
    t.record('out', '{"jsonrpc":"2.0","id":"7","method":"x.y"}', 150);
    expect(t.record('in', '{"jsonrpc":"2.0","id":"7","result":1}', 160).latencyMs).toBe(10);
    expect(t.record('in', '{"jsonrpc":"2.0","id":7,"result":1}', 190).latencyMs).toBe(90);
    expect(t.record('in', '{"jsonrpc":"2.0","id":7,"result":1}', 200).latencyMs).toBeUndefined();
  });

  it('gives a batch reply the latency of its slowest call', () => {
    const t = new FrameTracker();
    t.record('out', '[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","id":2,"method":"b"}]', 0);
    expect(t.record('in', '[{"jsonrpc":"2.0","id":2,"result":1},{"jsonrpc":"2.0","id":1,"result":1}]', 42).latencyMs).toBe(42);
  });

  it('keeps a frame that is not JSON as it came, marked unparsable', () => {
    const entry = new FrameTracker().record('in', 'not json', 0);
    expect(entry).toMatchObject({ kind: 'unparsable', error: true, text: 'not json' });
    expect(render(entry, true)).toBe('not json');
  });

  it('filters by text, kind, direction and errors', () => {
    const t = new FrameTracker();
    const call = t.record('out', '{"jsonrpc":"2.0","id":1,"method":"system.echo"}', 0);
    const error = t.record('in', '{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}}', 1);
    expect(matches(call, { ...NO_FILTER, text: 'ECHO' })).toBe(true);
    expect(matches(call, { ...NO_FILTER, text: 'call' })).toBe(true);
    expect(matches(call, { ...NO_FILTER, direction: 'in' })).toBe(false);
    expect(matches(call, { ...NO_FILTER, errorsOnly: true })).toBe(false);
    expect(matches(error, { ...NO_FILTER, errorsOnly: true })).toBe(true);
  });

  it('pretty-prints on demand and keeps only the newest entries', () => {
    const entry = new FrameTracker().record('in', '{"a":1}', 0);
    expect(render(entry, true)).toBe('{\n  "a": 1\n}');
    expect(render(entry, false)).toBe('{"a":1}');
    expect(append([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
  });
});
