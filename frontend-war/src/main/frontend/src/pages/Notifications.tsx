import { useEffect, useState } from 'react';
import { useTxrx, usePoll } from '../state/txrx';
import { httpBase } from '../lib/gateway';
import { checkParams } from '../lib/params';
import { Button, Empty, ErrorNote, Field, Loading, Panel, inputClass } from '../components/ui';

interface Notification {
  id: number;
  topic: string;
  title: string;
  body: string;
  data?: unknown;
  createdAt: string;
  userId?: number | null;
  sender?: string;
}

export function Notifications() {
  const [topic, setTopic] = useState('orders');
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Send topic={topic} setTopic={setTopic} />
      <Feed topic={topic} />
      <div className="lg:col-span-2">
        <Report initialTopic={topic} />
      </div>
    </div>
  );
}

function Send({ topic, setTopic }: { topic: string; setTopic(t: string): void }) {
  const { client, state } = useTxrx();
  const [title, setTitle] = useState('Order shipped');
  const [body, setBody] = useState('Order 42 left the warehouse');
  const [userId, setUserId] = useState('');
  const [data, setData] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const dataCheck = data.trim() === '' ? { ok: true as const, value: undefined } : checkParams(data);
  return (
    <Panel title="Send a notification" id="notify-send">
      <form
        className="grid gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!client || !dataCheck.ok) return;
          setError(null);
          setResult(null);
          const params: Record<string, unknown> = { topic, title, body };
          if (userId.trim()) params.userId = Number(userId);
          if (dataCheck.value !== undefined) params.data = dataCheck.value;
          try {
            const r = await client.call<{ id: number; topic: string }>('notifications.publish', params);
            setResult(`Stored as #${r.id} on ${r.topic}`);
          } catch (err) {
            setError(err);
          }
        }}
      >
        <Field label="Topic" htmlFor="notify-topic">
          <input id="notify-topic" className={inputClass} value={topic} onChange={(e) => setTopic(e.target.value)} required />
        </Field>
        <Field label="Title" htmlFor="notify-title">
          <input id="notify-title" className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </Field>
        <Field label="Body" htmlFor="notify-body">
          <textarea id="notify-body" rows={2} className={inputClass} value={body} onChange={(e) => setBody(e.target.value)} required maxLength={4000} />
        </Field>
        <Field label="To one user (id, optional: then only their sockets get it)" htmlFor="notify-user">
          <input id="notify-user" inputMode="numeric" pattern="[0-9]*" className={inputClass} value={userId} onChange={(e) => setUserId(e.target.value)} />
        </Field>
        <Field label="Data (JSON, optional)" htmlFor="notify-data" hint={!dataCheck.ok ? <p className="text-xs text-rose-700">{dataCheck.error}</p> : undefined}>
          <input id="notify-data" className={`${inputClass} font-mono`} value={data} onChange={(e) => setData(e.target.value)} aria-invalid={!dataCheck.ok} />
        </Field>
        <ErrorNote error={error} what="notifications.publish" />
        {result && (
          <p id="notify-result" role="status" className="text-sm text-emerald-700">
            {result}
          </p>
        )}
        <div>
          <Button type="submit" id="notify-publish" disabled={state !== 'connected' || !dataCheck.ok}>
            Send
          </Button>
        </div>
      </form>
    </Panel>
  );
}

type FeedState = 'connecting' | 'open' | 'retrying' | 'off';

/** The topic's live feed over Server-Sent Events (the browser's EventSource resumes with Last-Event-ID). */
function Feed({ topic }: { topic: string }) {
  const { url } = useTxrx();
  const [on, setOn] = useState(true);
  const [feedState, setFeedState] = useState<FeedState>('off');
  const [items, setItems] = useState<Notification[]>([]);
  const valid = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(topic);
  useEffect(() => {
    if (!on || !valid || typeof EventSource === 'undefined') {
      setFeedState('off');
      return;
    }
    setItems([]);
    setFeedState('connecting');
    const source = new EventSource(`${httpBase(url)}/api/notifications/stream?topic=${encodeURIComponent(topic)}`);
    source.onopen = () => setFeedState('open');
    source.onerror = () => setFeedState(source.readyState === EventSource.CLOSED ? 'off' : 'retrying');
    source.onmessage = (e) => {
      try {
        const n = JSON.parse(e.data) as Notification;
        setItems((list) => [n, ...list.filter((x) => x.id !== n.id)].slice(0, 100));
      } catch {
        // a frame that is not a notification: nothing to show
      }
    };
    return () => source.close();
  }, [on, topic, url, valid]);
  return (
    <Panel
      title={`Live feed of ${topic || '…'}`}
      id="notify-feed"
      actions={
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" id="feed-on" checked={on} onChange={(e) => setOn(e.target.checked)} /> follow (SSE)
        </label>
      }
    >
      <p className="mb-2 text-xs text-slate-600" role="status" id="feed-state" data-state={feedState}>
        {!valid ? 'Not a valid topic name' : { connecting: 'Opening the stream…', open: 'Following: new notifications appear here', retrying: 'Stream lost, the browser retries…', off: 'Not following' }[feedState]}
      </p>
      {items.length === 0 ? (
        <Empty>Nothing yet on {topic}. Send one.</Empty>
      ) : (
        <ol id="feed" className="space-y-1 text-sm">
          {items.map((n) => (
            <li key={n.id} className="feed-item rounded border border-slate-100 p-1.5" data-id={n.id}>
              <strong>{n.title}</strong> <span className="text-xs text-slate-500">#{n.id} · {new Date(n.createdAt).toLocaleTimeString()}</span>
              <p className="text-slate-700">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

function Report({ initialTopic }: { initialTopic: string }) {
  const [topic, setTopic] = useState(initialTopic);
  const [userId, setUserId] = useState('');
  const [page, setPage] = useState(0);
  const [query, setQuery] = useState({ topic: initialTopic, userId: '' });
  const size = 20;
  const report = usePoll<{ items: Notification[]; page: number; size: number; source: string }>(
    (c) => {
      const params: Record<string, unknown> = { page, size };
      if (query.topic.trim()) params.topic = query.topic.trim();
      if (query.userId.trim()) params.userId = Number(query.userId);
      return c.call('notifications.list', params);
    },
    0,
    [page, query],
  );
  return (
    <Panel title="Report" id="notify-report" actions={<Button variant="secondary" onClick={report.reload}>Refresh</Button>}>
      <form
        className="mb-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(0);
          setQuery({ topic, userId });
        }}
      >
        <Field label="Topic" htmlFor="report-topic">
          <input id="report-topic" className={inputClass} value={topic} onChange={(e) => setTopic(e.target.value)} />
        </Field>
        <Field label="User id" htmlFor="report-user">
          <input id="report-user" inputMode="numeric" className={inputClass} value={userId} onChange={(e) => setUserId(e.target.value)} />
        </Field>
        <Button type="submit" id="report-show">Show</Button>
      </form>
      <ErrorNote error={report.error} what="notifications.list" />
      {!report.data && !report.error && <Loading what="the report" />}
      {report.data && report.data.items.length === 0 && <Empty>No notification matches.</Empty>}
      {report.data && report.data.items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="text-left text-xs text-slate-500">Newest first, page {page + 1}, from the {report.data.source}</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr><th scope="col">#</th><th scope="col">topic</th><th scope="col">title</th><th scope="col">to</th><th scope="col">sender</th><th scope="col">when</th></tr>
            </thead>
            <tbody>
              {report.data.items.map((n) => (
                <tr key={n.id} className="border-t border-slate-100">
                  <td className="py-1 tabular-nums">{n.id}</td>
                  <td className="py-1 font-mono text-xs">{n.topic}</td>
                  <td className="py-1">{n.title}</td>
                  <td className="py-1">{n.userId ?? 'topic'}</td>
                  <td className="py-1 text-xs">{n.sender}</td>
                  <td className="py-1 text-xs">{new Date(n.createdAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages of the report" className="mt-3 flex items-center gap-2 text-sm">
        <Button variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</Button>
        <span>Page {page + 1}</span>
        <Button variant="secondary" disabled={!report.data || report.data.items.length < size} onClick={() => setPage(page + 1)}>Next</Button>
      </nav>
    </Panel>
  );
}
