import { useEffect, useMemo, useState } from 'react';
import type { BatchEntry, ChannelMessage } from '@txrx/client';
import { useTxrx, useTxrxEvent, usePoll } from '../state/txrx';
import { checkParams, lastMethod, recallParams, rememberParams } from '../lib/params';
import { describeError } from '../lib/errors';
import { FrameLog } from '../components/FrameLog';
import { ConnectionBar } from '../components/ConnectionBar';
import { SignIn } from '../components/SignIn';
import { Button, Empty, ErrorNote, Field, Loading, Panel, inputClass } from '../components/ui';

interface MethodInfo {
  method: string;
  service: string;
}

type Outcome = { kind: 'result'; value: unknown; ms: number } | { kind: 'error'; error: unknown; ms: number } | { kind: 'sent'; what: string } | { kind: 'batch'; replies: unknown[]; ms: number };

export function Playground() {
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="flex flex-col gap-4">
        <Panel title="Connection" id="connection">
          <ConnectionBar />
          <DropSocket />
        </Panel>
        <Composer />
        <Channels />
        <Panel title="Sign in" id="auth">
          <SignIn />
        </Panel>
      </div>
      <Panel title="Frames" id="frames">
        <Frames />
      </Panel>
    </div>
  );
}

function Frames() {
  const { frames, clearFrames } = useTxrx();
  return <FrameLog frames={frames} onClear={clearFrames} />;
}

function DropSocket() {
  const { drop, state, note } = useTxrx();
  return (
    <p className="mt-2 text-xs text-slate-600">
      <Button variant="secondary" id="drop-socket" disabled={state !== 'connected'} onClick={() => drop() || note('no open socket to drop')}>
        Drop the socket
      </Button>{' '}
      closes the socket as a network failure would: the client reconnects and resumes its channels.
    </p>
  );
}

function Composer() {
  const { client, state, note } = useTxrx();
  const methods = usePoll<MethodInfo[]>((c) => c.call('system.methods'), 10000);
  const [search, setSearch] = useState('');
  const [method, setMethod] = useState(lastMethod);
  const [params, setParams] = useState(() => recallParams(lastMethod()));
  const [notification, setNotification] = useState(false);
  const [batch, setBatch] = useState<BatchEntry[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const check = checkParams(params);
  const connected = state === 'connected' && client !== null;

  const list = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (methods.data ?? []).filter((m) => m.method.toLowerCase().includes(needle)).sort((a, b) => a.method.localeCompare(b.method));
  }, [methods.data, search]);

  const choose = (name: string) => {
    setMethod(name);
    setParams(recallParams(name));
  };

  const send = async () => {
    if (!connected || !check.ok || method.trim() === '') return;
    rememberParams(method, params);
    if (notification) {
      client.notify(method, check.value);
      setOutcome({ kind: 'sent', what: `notification ${method} sent (no reply comes)` });
      return;
    }
    const started = performance.now();
    try {
      const value = await client.call(method, check.value);
      setOutcome({ kind: 'result', value, ms: performance.now() - started });
    } catch (error) {
      setOutcome({ kind: 'error', error, ms: performance.now() - started });
    }
  };

  const sendBatch = async () => {
    if (!connected || batch.length === 0) return;
    const started = performance.now();
    try {
      const replies = await client.batch(batch);
      setOutcome({ kind: 'batch', replies: replies.map((r) => (r === null ? null : r.error ? { error: { code: r.error.code, message: r.error.message } } : { result: r.result })), ms: performance.now() - started });
      setBatch([]);
    } catch (error) {
      note(`batch not sent: ${describeError(error)}`);
      setOutcome({ kind: 'error', error, ms: performance.now() - started });
    }
  };

  return (
    <Panel title="Call a method" id="composer">
      <div className="grid gap-3 md:grid-cols-[12rem_minmax(0,1fr)]">
        <div className="flex flex-col gap-1">
          <label htmlFor="method-search" className="text-xs font-medium uppercase tracking-wide text-slate-600">
            Methods ({methods.data?.length ?? 0})
          </label>
          <input id="method-search" type="search" className={inputClass} placeholder="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          {methods.error ? <ErrorNote error={methods.error} what="system.methods" /> : null}
          {!methods.data && !methods.error ? connected ? <Loading what="methods" /> : <Empty>Connect to list the methods.</Empty> : null}
          <ul id="methods" aria-label="Routable methods" className="max-h-64 overflow-auto text-sm">
            {list.map((m) => (
              <li key={m.method}>
                <button type="button" onClick={() => choose(m.method)} aria-pressed={m.method === method} className={`w-full truncate rounded px-1 py-0.5 text-left font-mono text-xs hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 ${m.method === method ? 'bg-indigo-100' : ''}`}>
                  {m.method}
                </button>
              </li>
            ))}
            {methods.data && list.length === 0 && <li className="text-xs text-slate-500">No method matches “{search}”.</li>}
          </ul>
        </div>
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <Field label="Method" htmlFor="method">
            <input id="method" className={`${inputClass} font-mono`} value={method} onChange={(e) => choose(e.target.value)} spellCheck={false} list="method-names" />
            <datalist id="method-names">
              {(methods.data ?? []).map((m) => (
                <option key={m.method} value={m.method} />
              ))}
            </datalist>
          </Field>
          <Field
            label="Params (JSON object or array; empty for none)"
            htmlFor="params"
            hint={
              <p id="params-check" className={`text-xs ${check.ok ? 'text-emerald-700' : 'text-rose-700'}`} aria-live="polite">
                {check.ok ? (check.value === undefined ? 'No params' : 'Valid JSON') : check.error}
              </p>
            }
          >
            <textarea
              id="params"
              rows={5}
              className={`${inputClass} font-mono`}
              value={params}
              onChange={(e) => setParams(e.target.value)}
              aria-invalid={!check.ok}
              aria-describedby="params-check"
              spellCheck={false}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  send();
                }
              }}
            />
          </Field>
          <div className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-1 text-sm">
              <input type="checkbox" id="as-notification" checked={notification} onChange={(e) => setNotification(e.target.checked)} /> as a notification (no reply)
            </label>
            <Button type="submit" id="send" disabled={!connected || !check.ok || method.trim() === ''} title="Ctrl+Enter in the params">
              Send
            </Button>
            <Button variant="secondary" id="add-to-batch" disabled={!check.ok || method.trim() === ''} onClick={() => setBatch([...batch, { method, params: check.ok ? check.value : undefined, notification }])}>
              Add to batch
            </Button>
          </div>
          {!connected && <p className="text-xs text-slate-500">Connect to a gateway to send.</p>}
        </form>
      </div>
      {batch.length > 0 && (
        <div className="mt-3 rounded border border-slate-200 p-2">
          <h3 className="text-sm font-semibold">Batch ({batch.length})</h3>
          <ol id="batch" className="my-1 list-decimal pl-5 font-mono text-xs">
            {batch.map((b, i) => (
              <li key={i}>
                {b.method} {b.params === undefined ? '' : JSON.stringify(b.params)} {b.notification ? '(notification)' : ''}
              </li>
            ))}
          </ol>
          <div className="flex gap-2">
            <Button id="send-batch" disabled={!connected} onClick={sendBatch}>
              Send batch
            </Button>
            <Button variant="secondary" onClick={() => setBatch([])}>
              Clear batch
            </Button>
          </div>
        </div>
      )}
      <Reply outcome={outcome} />
    </Panel>
  );
}

function Reply({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  const body =
    outcome.kind === 'result'
      ? JSON.stringify(outcome.value, null, 2)
      : outcome.kind === 'batch'
        ? JSON.stringify(outcome.replies, null, 2)
        : outcome.kind === 'sent'
          ? outcome.what
          : describeError(outcome.error);
  return (
    <div id="last-reply" data-kind={outcome.kind} className={`mt-3 rounded border p-2 ${outcome.kind === 'error' ? 'border-rose-200 bg-rose-50' : 'border-emerald-200 bg-emerald-50'}`} aria-live="polite">
      <p className="text-xs font-semibold">
        {outcome.kind === 'error' ? 'Error' : outcome.kind === 'sent' ? 'Sent' : outcome.kind === 'batch' ? 'Batch replies' : 'Result'}
        {'ms' in outcome ? ` · ${outcome.ms.toFixed(1)} ms` : ''}
      </p>
      <pre className="whitespace-pre-wrap break-all font-mono text-xs">{body}</pre>
    </div>
  );
}

function Channels() {
  const { client, state } = useTxrx();
  const [channel, setChannel] = useState('news');
  const [offset, setOffset] = useState<'resume' | '$' | '0'>('$');
  const [subscribed, setSubscribed] = useState<string[]>([]);
  const [messages, setMessages] = useState<ChannelMessage[]>([]);
  const [data, setData] = useState('{"text":"hi"}');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const connected = state === 'connected' && client !== null;
  const dataCheck = checkParams(data.trim().startsWith('{') || data.trim().startsWith('[') ? data : JSON.stringify(data));

  useTxrxEvent('message', (m) => setMessages((list) => [...list.slice(-199), m]));
  useTxrxEvent('truncated', (t) => setError(new Error(`some messages of ${t.channel} are no longer kept (truncated)`)));
  useEffect(() => setSubscribed(client?.channels ?? []), [client]);

  const act = async (what: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setSubscribed(client?.channels ?? []);
    }
  };

  return (
    <Panel title="Channels" id="channels">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (client) act(() => client.subscribe(channel, offset === 'resume' ? undefined : offset));
        }}
      >
        <div className="flex min-w-[8rem] flex-1 flex-col gap-1">
          <label htmlFor="channel" className="text-xs font-medium uppercase tracking-wide text-slate-600">
            Channel
          </label>
          <input id="channel" className={inputClass} value={channel} onChange={(e) => setChannel(e.target.value)} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="channel-offset" className="text-xs font-medium uppercase tracking-wide text-slate-600">
            From
          </label>
          <select id="channel-offset" className={inputClass} value={offset} onChange={(e) => setOffset(e.target.value as typeof offset)}>
            <option value="$">new messages only</option>
            <option value="0">everything kept</option>
            <option value="resume">after what this browser kept</option>
          </select>
        </div>
        <Button type="submit" id="subscribe" disabled={!connected || busy || channel.trim() === ''}>
          Subscribe
        </Button>
      </form>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (client && dataCheck.ok) act(() => client.publish(channel, dataCheck.value));
        }}
      >
        <div className="flex min-w-[8rem] flex-1 flex-col gap-1">
          <label htmlFor="publish-data" className="text-xs font-medium uppercase tracking-wide text-slate-600">
            Message (JSON, or text)
          </label>
          <input id="publish-data" className={`${inputClass} font-mono`} value={data} onChange={(e) => setData(e.target.value)} />
        </div>
        <Button type="submit" id="publish" variant="secondary" disabled={!connected || busy || !dataCheck.ok}>
          Publish to {channel || '…'}
        </Button>
      </form>
      <ErrorNote error={error} />
      {subscribed.length > 0 && (
        <ul id="subscriptions" aria-label="Subscribed channels" className="mt-2 flex flex-wrap gap-2">
          {subscribed.map((c) => (
            <li key={c} className="flex items-center gap-1 rounded-full bg-indigo-50 px-2 py-0.5 text-xs" data-channel={c}>
              {c}
              <button type="button" aria-label={`Unsubscribe from ${c}`} className="rounded px-1 text-indigo-700 hover:bg-indigo-100 focus-visible:ring-2 focus-visible:ring-indigo-500" onClick={() => client && act(() => client.unsubscribe(c))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-3 text-sm font-semibold">Messages</h3>
      {messages.length === 0 ? (
        <Empty>No channel message yet{subscribed.length === 0 ? ': subscribe to a channel' : ''}.</Empty>
      ) : (
        <ol id="channel-messages" aria-label="Channel messages" className="max-h-60 overflow-auto font-mono text-xs">
          {messages.map((m) => (
            <li key={`${m.channel} ${m.offset}`} className="channel-message border-b border-slate-100 py-0.5" data-channel={m.channel} data-offset={m.offset}>
              <span className="text-slate-500">{m.channel} {m.offset}</span> <span className="message-data">{JSON.stringify(m.data)}</span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
