import { normalizeRates } from './rates';

describe('admin.rates, read leniently', () => {
  it('reads the shape txrx answers: per-second totals over the last minute, per method with error codes', () => {
    const r = normalizeRates({
      at: 1764660000000,
      windowS: 60,
      calls: 150,
      errors: 30,
      callsPerSecond: 2.5,
      errorsPerSecond: 0.5,
      methods: [
        { method: 'system.echo', calls: 120, errors: 0, callsPerSecond: 2, errorsPerSecond: 0, errorCodes: {} },
        { method: 'ghost.call', calls: 30, errors: 30, callsPerSecond: 0.5, errorsPerSecond: 0.5, errorCodes: { '-32601': 30 } },
      ],
    });
    expect(r).toMatchObject({ callsPerSecond: 2.5, errorsPerSecond: 0.5, series: [] });
    expect(r!.methods).toEqual([
      { method: 'system.echo', callsPerSecond: 2, errorsPerSecond: 0, errorCodes: {} },
      { method: 'ghost.call', callsPerSecond: 0.5, errorsPerSecond: 0.5, errorCodes: { '-32601': 30 } },
    ]);
  });


  it('takes per-second totals and a per-method list', () => {
    const r = normalizeRates({
      at: 1,
      total: { callsPerSecond: 12.5, errorsPerSecond: 0.5 },
      methods: [
        { method: 'system.ping', callsPerSecond: 2, errorsPerSecond: 0 },
        { method: 'system.echo', callsPerSecond: 10, errorsPerSecond: 0.5 },
      ],
    });
    expect(r).toMatchObject({ callsPerSecond: 12.5, errorsPerSecond: 0.5 });
    expect(r!.methods.map((m) => m.method)).toEqual(['system.echo', 'system.ping']);
  });

  it('divides counts over the window, errors by code summed, methods as a map', () => {
    const r = normalizeRates({ windowSeconds: 60, methods: { 'a.b': { calls: 120, errors: { '-32602': 30, '-32603': 30 } } } });
    expect(r).toMatchObject({ callsPerSecond: 2, errorsPerSecond: 1, methods: [{ method: 'a.b', callsPerSecond: 2, errorsPerSecond: 1 }] });
  });

  it('keeps a per-second series when there is one', () => {
    const r = normalizeRates({ series: [{ at: 1, calls: 3, errors: 1 }, { at: 2, calls: 5, errors: 0 }] });
    expect(r!.series).toHaveLength(2);
    expect(r!.callsPerSecond).toBe(4);
  });

  it('answers null for what it cannot read', () => {
    expect(normalizeRates(null)).toBeNull();
    expect(normalizeRates([1, 2])).toBeNull();
    expect(normalizeRates({ something: 'else' })).toBeNull();
  });
});
