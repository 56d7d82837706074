import { useEffect, useMemo, useRef, useState } from 'react';
import { matches, render, NO_FILTER, type FrameEntry, type FrameFilter } from '../lib/frames';
import { Button, Empty, inputClass } from './ui';

const ARROW = { out: '→', in: '←', local: '•' } as const;
const WORD = { out: 'sent', in: 'received', local: 'note' } as const;

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no clipboard permission (plain http, or denied)
  }
}

/** Every frame in and out, newest last, with direction, kind, latency, pretty JSON, a filter and copy. */
export function FrameLog({ frames, onClear }: { frames: FrameEntry[]; onClear(): void }) {
  const [filter, setFilter] = useState<FrameFilter>(NO_FILTER);
  const [pretty, setPretty] = useState(true);
  const [copied, setCopied] = useState<string | null>(null);
  const shown = useMemo(() => frames.filter((f) => matches(f, filter)), [frames, filter]);
  const start = frames[0]?.at ?? 0;
  const list = useRef<HTMLOListElement>(null);
  const follow = useRef(true);
  // newest last: keep the newest in view unless the reader scrolled up
  useEffect(() => {
    const el = list.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [shown]);

  const doCopy = async (what: string, text: string) => setCopied((await copy(text)) ? `Copied ${what}` : 'The browser refused the clipboard: select the text instead');

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-[10rem] flex-1 flex-col gap-1">
          <label htmlFor="frame-filter" className="text-xs font-medium uppercase tracking-wide text-slate-600">
            Filter
          </label>
          <input id="frame-filter" className={inputClass} placeholder="text, or a kind: call, reply, push, error…" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="frame-direction" className="text-xs font-medium uppercase tracking-wide text-slate-600">
            Direction
          </label>
          <select id="frame-direction" className={inputClass} value={filter.direction} onChange={(e) => setFilter({ ...filter, direction: e.target.value as FrameFilter['direction'] })}>
            <option value="all">all</option>
            <option value="out">sent</option>
            <option value="in">received</option>
            <option value="local">notes</option>
          </select>
        </div>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" id="frame-errors" checked={filter.errorsOnly} onChange={(e) => setFilter({ ...filter, errorsOnly: e.target.checked })} /> errors only
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" id="frame-pretty" checked={pretty} onChange={(e) => setPretty(e.target.checked)} /> pretty
        </label>
        <Button variant="secondary" id="frame-copy" disabled={shown.length === 0} onClick={() => doCopy(`${shown.length} frames`, shown.map((f) => f.text).join('\n'))}>
          Copy shown
        </Button>
        <Button variant="secondary" id="frame-clear" onClick={onClear}>
          Clear
        </Button>
      </div>
      <p className="text-xs text-slate-500" aria-live="polite">
        {shown.length} of {frames.length} frames
        {copied ? ` · ${copied}` : ''}
      </p>
      {shown.length === 0 ? (
        <Empty>{frames.length === 0 ? 'No frames yet: send a call.' : 'No frame matches the filter.'}</Empty>
      ) : (
        <ol
          id="frame-log"
          ref={list}
          onScroll={(e) => {
            const el = e.currentTarget;
            follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
          }}
          aria-label="Frames"
          className="max-h-[28rem] space-y-1 overflow-auto font-mono text-xs">
          {shown.map((f) => (
            <li
              key={f.seq}
              className={`frame rounded border p-1.5 ${f.error ? 'border-rose-200 bg-rose-50' : f.direction === 'out' ? 'border-sky-100 bg-sky-50' : f.direction === 'in' ? 'border-emerald-100 bg-emerald-50' : 'border-amber-100 bg-amber-50'}`}
              data-direction={f.direction}
              data-kind={f.kind}
              data-ids={f.ids.map((id) => JSON.stringify(id)).join(' ')}
            >
              <div className="mb-0.5 flex flex-wrap items-center gap-2 font-sans text-[11px] text-slate-600">
                <span aria-label={WORD[f.direction]} className="font-bold">
                  {ARROW[f.direction]} {WORD[f.direction]}
                </span>
                <span>{f.kind}</span>
                {f.methods.length > 0 && <span className="font-mono">{f.methods.join(', ')}</span>}
                {f.ids.length > 0 && <span>#{f.ids.map((id) => JSON.stringify(id)).join(' #')}</span>}
                {f.latencyMs !== undefined && <span className="latency font-semibold text-indigo-700">{f.latencyMs.toFixed(1)} ms</span>}
                <span className="text-slate-400">+{((f.at - start) / 1000).toFixed(3)} s</span>
                <button type="button" className="ml-auto rounded px-1 text-indigo-700 underline focus-visible:ring-2 focus-visible:ring-indigo-500" onClick={() => doCopy('the frame', f.text)} aria-label={`Copy frame ${f.seq}`}>
                  copy
                </button>
              </div>
              <pre className="whitespace-pre-wrap break-all">{render(f, pretty)}</pre>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
