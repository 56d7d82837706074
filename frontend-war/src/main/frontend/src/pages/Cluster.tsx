import { useEffect, useRef, useState } from 'react';
import { usePoll } from '../state/txrx';
import { errorCode } from '../lib/errors';
import { normalizeRates, type Rates } from '../lib/rates';
import { Sparkline } from '../components/Sparkline';
import { Empty, ErrorNote, Loading, Panel } from '../components/ui';

interface Member {
  instance: string;
  roles: string;
  firstHeardMs: number;
  lastHeartbeatMs: number;
}
interface ClusterResult {
  at: number;
  peers: Record<string, Member[]>;
  gateways: { instance: string }[];
  shards: { service: string; stream: string; methods: string[]; instances: string[] }[];
}
interface Group {
  name: string;
  pending: number;
  lag?: number;
  lastDeliveredId: string;
  consumers: { name: string; pending: number; idleMs: number }[];
}
interface StreamsResult {
  at: number;
  streams: { key: string; length: number; firstId: string | null; lastId: string | null; groups: Group[] }[];
}
interface PendingResult {
  at: number;
  calls: { stream: string; group: string; id: string; method: string; ageMs: number; consumer: string; idleMs: number; deliveries: number }[];
}

const EVERY_MS = 2000;
const SAMPLES = 60;
const ABSENT_EVERY_MS = 30000;

export function ageText(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 120000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60000)} min`;
}

export function Cluster() {
  const cluster = usePoll<ClusterResult>((c) => c.call('admin.cluster'), EVERY_MS);
  const streams = usePoll<StreamsResult>((c) => c.call('admin.streams'), EVERY_MS);
  const pending = usePoll<PendingResult>((c) => c.call('admin.pending', { limit: 20 }), EVERY_MS);
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <RatesPanel />
      <Panel title="Peers" id="peers">
        {cluster.error ? <ErrorNote error={cluster.error} what="admin.cluster" /> : null}
        {!cluster.data && !cluster.error && <Loading what="the cluster" />}
        {cluster.data && <Peers data={cluster.data} />}
      </Panel>
      <Panel title="Shards" id="shards">
        {cluster.data && (cluster.data.shards.length === 0 ? <Empty>No service has announced a shard.</Empty> : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Services, their methods and the instances serving them</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr><th scope="col">service</th><th scope="col">methods</th><th scope="col">instances</th></tr>
            </thead>
            <tbody>
              {cluster.data.shards.map((s) => (
                <tr key={s.service} className="border-t border-slate-100 align-top">
                  <td className="py-1 font-mono">{s.service}</td>
                  <td className="py-1 font-mono text-xs">{s.methods.join(', ')}</td>
                  <td className="py-1 font-mono text-xs">{s.instances.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </Panel>
      <Panel title="Streams" id="streams">
        {streams.error ? <ErrorNote error={streams.error} what="admin.streams" /> : null}
        {!streams.data && !streams.error && <Loading what="the streams" />}
        {streams.data && (streams.data.streams.length === 0 ? <Empty>No stream under this prefix.</Empty> : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Streams with their length and consumer groups</caption>
              <thead className="text-xs uppercase text-slate-500">
                <tr><th scope="col">stream</th><th scope="col" className="text-right">length</th><th scope="col">group</th><th scope="col" className="text-right">pending</th><th scope="col" className="text-right">lag</th></tr>
              </thead>
              <tbody>
                {streams.data.streams.flatMap((s) => (s.groups.length ? s.groups : [null]).map((g, i) => (
                  <tr key={`${s.key} ${g?.name ?? ''}`} className="border-t border-slate-100">
                    <td className="py-1 font-mono text-xs">{i === 0 ? s.key : ''}</td>
                    <td className="py-1 text-right tabular-nums">{i === 0 ? s.length : ''}</td>
                    <td className="py-1 font-mono text-xs">{g?.name ?? '–'}</td>
                    <td className={`py-1 text-right tabular-nums ${g && g.pending > 0 ? 'font-semibold text-amber-700' : ''}`}>{g?.pending ?? ''}</td>
                    <td className="py-1 text-right tabular-nums">{g ? g.lag ?? 'n/a' : ''}</td>
                  </tr>
                )))}
              </tbody>
            </table>
          </div>
        ))}
      </Panel>
      <Panel title="Pending calls" id="pending">
        {pending.error ? <ErrorNote error={pending.error} what="admin.pending" /> : null}
        {pending.data && (pending.data.calls.length === 0 ? <Empty>No call is waiting: every call delivered has been acknowledged.</Empty> : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr><th scope="col">method</th><th scope="col">stream</th><th scope="col" className="text-right">age</th><th scope="col" className="text-right">deliveries</th></tr>
            </thead>
            <tbody>
              {pending.data.calls.map((c) => (
                <tr key={`${c.stream} ${c.id}`} className="border-t border-slate-100">
                  <td className="py-1 font-mono text-xs">{c.method}</td>
                  <td className="py-1 font-mono text-xs">{c.stream}</td>
                  <td className="py-1 text-right tabular-nums">{ageText(c.ageMs)}</td>
                  <td className="py-1 text-right tabular-nums">{c.deliveries}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </Panel>
    </div>
  );
}

function Peers({ data }: { data: ClusterResult }) {
  const roles = Object.keys(data.peers).sort();
  return (
    <div className="space-y-3">
      {roles.length === 0 && <Empty>No dispatcher or rpc instance heard from.</Empty>}
      {roles.map((role) => (
        <div key={role}>
          <h3 className="text-sm font-semibold capitalize">{role} ({data.peers[role].length})</h3>
          <ul className="text-sm">
            {data.peers[role].map((p) => {
              const age = data.at - p.lastHeartbeatMs;
              return (
                <li key={p.instance} className="peer flex flex-wrap justify-between gap-2 border-t border-slate-100 py-1" data-role={role} data-instance={p.instance}>
                  <span className="font-mono text-xs">{p.instance}</span>
                  <span className={`text-xs ${age > 10000 ? 'text-amber-700' : 'text-slate-600'}`}>heartbeat {ageText(age)} ago</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <div>
        <h3 className="text-sm font-semibold">Gateways ({data.gateways.length})</h3>
        <ul className="text-sm">
          {data.gateways.map((g) => (
            <li key={g.instance} className="peer border-t border-slate-100 py-1 font-mono text-xs" data-role="gateway" data-instance={g.instance}>
              {g.instance}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** calls/s and errors/s from admin.rates, charted from the samples taken while the page is open. */
function RatesPanel() {
  // a server without admin.rates holds each call for the dispatcher's grace before -32601: ask it rarely then
  const [absent, setAbsent] = useState(false);
  const rates = usePoll<Rates | null>(async (c) => normalizeRates(await c.call('admin.rates')), absent ? ABSENT_EVERY_MS : EVERY_MS, [absent]);
  const [calls, setCalls] = useState<number[]>([]);
  const [errors, setErrors] = useState<number[]>([]);
  const last = useRef<Rates | null | undefined>(undefined);
  useEffect(() => {
    if (!rates.data || rates.data === last.current) return;
    last.current = rates.data;
    const series = rates.data.series;
    if (series.length > 1) {
      setCalls(series.slice(-SAMPLES).map((p) => p.calls));
      setErrors(series.slice(-SAMPLES).map((p) => p.errors));
    } else {
      setCalls((v) => [...v, rates.data!.callsPerSecond].slice(-SAMPLES));
      setErrors((v) => [...v, rates.data!.errorsPerSecond].slice(-SAMPLES));
    }
  }, [rates.data]);

  const missing = errorCode(rates.error) === -32601;
  useEffect(() => setAbsent(missing), [missing]);
  return (
    <Panel title="Calls and errors per second (last minute, all gateways)" id="rates">
      {missing ? (
        <p id="rates-missing" role="note" className="rounded border border-slate-200 bg-slate-50 p-2 text-sm text-slate-700">
          This server does not offer <code>admin.rates</code> yet (it answered -32601, method not found), so there is nothing to chart. The page asks again every 30 s; the charts appear on their own once it answers.
        </p>
      ) : rates.error ? (
        <ErrorNote error={rates.error} what="admin.rates" />
      ) : rates.data === null ? (
        <p className="text-sm text-slate-600">admin.rates answered in a shape this page does not know; see it in the playground.</p>
      ) : !rates.data ? (
        <Loading what="rates" />
      ) : (
        <div className="space-y-3">
          <div className="flex flex-wrap gap-6">
            <Sparkline id="chart-calls" values={calls} label="calls/s" unit="/s" />
            <Sparkline id="chart-errors" values={errors} label="errors/s" unit="/s" color="#e11d48" />
          </div>
          {rates.data.methods.length > 0 && (
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-slate-500">
                <tr><th scope="col">method</th><th scope="col" className="text-right">calls/s</th><th scope="col" className="text-right">errors/s</th><th scope="col">errors by code</th></tr>
              </thead>
              <tbody>
                {rates.data.methods.slice(0, 15).map((m) => (
                  <tr key={m.method} className="border-t border-slate-100">
                    <td className="py-0.5 font-mono text-xs">{m.method}</td>
                    <td className="py-0.5 text-right tabular-nums">{m.callsPerSecond.toFixed(2)}</td>
                    <td className={`py-0.5 text-right tabular-nums ${m.errorsPerSecond > 0 ? 'text-rose-700' : ''}`}>{m.errorsPerSecond.toFixed(2)}</td>
                    <td className="py-0.5 pl-2 font-mono text-xs">
                      {Object.entries(m.errorCodes ?? {})
                        .map(([code, n]) => `${code} ×${n}`)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Panel>
  );
}
