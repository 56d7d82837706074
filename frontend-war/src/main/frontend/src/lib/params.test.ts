import { checkParams, lastMethod, recallParams, rememberParams } from './params';

class MemoryStorage {
  items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
}

describe('params', () => {
  it('are an object, an array or nothing', () => {
    expect(checkParams('')).toEqual({ ok: true, value: undefined });
    expect(checkParams(' {"a":1} ')).toEqual({ ok: true, value: { a: 1 } });
    expect(checkParams('[1,2]')).toEqual({ ok: true, value: [1, 2] });
    expect(checkParams('42')).toMatchObject({ ok: false, error: expect.stringContaining('object or array') });
    expect(checkParams('null')).toMatchObject({ ok: false });
    expect(checkParams('{"a":')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
  });

  it('are remembered per method, with the last method', () => {
    const store = new MemoryStorage();
    expect(recallParams('system.echo', store)).toBe('{"text":"hello"}');
    expect(recallParams('nobody.knows', store)).toBe('');
    rememberParams('system.echo', '{"text":"again"}', store);
    rememberParams('system.sleep', '{"ms":1}', store);
    expect(recallParams('system.echo', store)).toBe('{"text":"again"}');
    expect(lastMethod(store)).toBe('system.sleep');
  });

  it('survive a storage that refuses to write', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    expect(() => rememberParams('a.b', '{}', full)).not.toThrow();
  });
});
