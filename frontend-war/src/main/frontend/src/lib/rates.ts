/**
 * admin.rates as the cluster page charts it. The method is newer than the page's other admin calls, so its
 * result is read leniently: a total per second (`callsPerSecond`/`errorsPerSecond`, or `calls`/`errors`
 * over `windowSeconds`/`windowMs`), a per-method list or map, and an optional per-second series. A server
 * without it answers -32601, and the page says so instead of charting. The shape txrx answers (README, Admin
 * API): `{at, windowS, calls, errors, callsPerSecond, errorsPerSecond, methods: [{method, calls, errors,
 * callsPerSecond, errorsPerSecond, errorCodes}]}`, over the last minute.
 */

export interface MethodRate {
  method: string;
  callsPerSecond: number;
  errorsPerSecond: number;
  /** Errors by JSON-RPC code over the window, when the server tells them. */
  errorCodes?: Record<string, number>;
}

export interface RatePoint {
  at: number;
  calls: number;
  errors: number;
}

export interface Rates {
  callsPerSecond: number;
  errorsPerSecond: number;
  methods: MethodRate[];
  /** Per-second points the server gave, oldest first; empty when it gave only totals. */
  series: RatePoint[];
}

type Json = Record<string, unknown>;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined);

function windowSeconds(o: Json): number {
  const s = num(o.windowS) ?? num(o.windowSeconds) ?? num(o.window) ?? num(o.seconds);
  if (s && s > 0) return s;
  const ms = num(o.windowMs);
  return ms && ms > 0 ? ms / 1000 : 60;
}

function errorTotal(v: unknown): number | undefined {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    return Object.values(v as Json).reduce<number>((sum, n) => sum + (num(n) ?? 0), 0);
  }
  return num(v);
}

function rateOf(o: Json, seconds: number): { calls: number; errors: number } {
  const calls = num(o.callsPerSecond) ?? num(o.callsPerSec) ?? ((num(o.calls) ?? 0) / seconds);
  const errors = num(o.errorsPerSecond) ?? num(o.errorsPerSec) ?? ((errorTotal(o.errors) ?? 0) / seconds);
  return { calls, errors };
}

export function normalizeRates(result: unknown): Rates | null {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return null;
  const o = result as Json;
  const seconds = windowSeconds(o);
  const rawMethods = o.methods ?? o.perMethod ?? o.byMethod;
  const methods: MethodRate[] = [];
  if (Array.isArray(rawMethods)) {
    for (const m of rawMethods) {
      if (m && typeof m === 'object' && typeof (m as Json).method === 'string') {
        const r = rateOf(m as Json, seconds);
        const codes = (m as Json).errorCodes;
        methods.push({
          method: (m as Json).method as string,
          callsPerSecond: r.calls,
          errorsPerSecond: r.errors,
          ...(codes && typeof codes === 'object' && !Array.isArray(codes) ? { errorCodes: codes as Record<string, number> } : {}),
        });
      }
    }
  } else if (rawMethods && typeof rawMethods === 'object') {
    for (const [method, m] of Object.entries(rawMethods as Json)) {
      if (m && typeof m === 'object') {
        const r = rateOf(m as Json, seconds);
        methods.push({ method, callsPerSecond: r.calls, errorsPerSecond: r.errors });
      }
    }
  }
  const rawSeries = o.series ?? o.buckets ?? o.perSecond;
  const series: RatePoint[] = Array.isArray(rawSeries)
    ? rawSeries.flatMap((p) => {
        if (!p || typeof p !== 'object') return [];
        const q = p as Json;
        const at = num(q.at) ?? num(q.ts) ?? num(q.second);
        return at === undefined ? [] : [{ at, calls: num(q.calls) ?? 0, errors: errorTotal(q.errors) ?? 0 }];
      })
    : [];
  const total = (o.total ?? o.totals) as Json | undefined;
  let calls: number;
  let errors: number;
  if (total && typeof total === 'object') {
    ({ calls, errors } = rateOf(total, seconds));
  } else if (num(o.callsPerSecond) !== undefined || num(o.calls) !== undefined) {
    ({ calls, errors } = rateOf(o, seconds));
  } else if (methods.length > 0) {
    calls = methods.reduce((s, m) => s + m.callsPerSecond, 0);
    errors = methods.reduce((s, m) => s + m.errorsPerSecond, 0);
  } else if (series.length > 0) {
    calls = series.reduce((s, p) => s + p.calls, 0) / series.length;
    errors = series.reduce((s, p) => s + p.errors, 0) / series.length;
  } else {
    return null;
  }
  methods.sort((a, b) => b.callsPerSecond - a.callsPerSecond || a.method.localeCompare(b.method));
  return { callsPerSecond: calls, errorsPerSecond: errors, methods, series };
}
