import { useEffect, useState } from 'react';
import { useTxrx, type ConsoleState } from '../state/txrx';
import { isSocketUrl } from '../lib/gateway';
import { Button, inputClass } from './ui';

const LOOK: Record<ConsoleState, { label: string; color: string }> = {
  connected: { label: 'Connected', color: 'bg-emerald-100 text-emerald-800 ring-emerald-300' },
  connecting: { label: 'Connecting…', color: 'bg-amber-100 text-amber-800 ring-amber-300' },
  reconnecting: { label: 'Reconnecting…', color: 'bg-amber-100 text-amber-800 ring-amber-300' },
  disconnected: { label: 'Disconnected', color: 'bg-slate-200 text-slate-700 ring-slate-300' },
};

/** The connection state, always visible (it sits in the page header). */
export function ConnectionState() {
  const { state, connectedUrl, lastError } = useTxrx();
  const look = LOOK[state];
  return (
    <span
      id="connection-state"
      data-state={state}
      role="status"
      aria-live="polite"
      title={connectedUrl ?? lastError ?? ''}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${look.color}`}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${state === 'connected' ? 'bg-emerald-500' : state === 'disconnected' ? 'bg-slate-500' : 'animate-pulse bg-amber-500'}`} />
      {look.label}
    </span>
  );
}

/** Which gateway, and connect / disconnect. */
export function ConnectionBar() {
  const { url, state, connect, disconnect, lastError, connectedUrl } = useTxrx();
  const [draft, setDraft] = useState(url);
  useEffect(() => setDraft(url), [url]);
  const valid = isSocketUrl(draft);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) connect(draft);
      }}
    >
      <div className="flex min-w-[16rem] flex-1 flex-col gap-1">
        <label htmlFor="gateway-url" className="text-xs font-medium uppercase tracking-wide text-slate-600">
          Gateway
        </label>
        <input
          id="gateway-url"
          className={inputClass}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={!valid}
          aria-describedby="gateway-help"
          spellCheck={false}
        />
      </div>
      <Button type="submit" id="connect" disabled={!valid}>
        {state === 'disconnected' ? 'Connect' : 'Reconnect'}
      </Button>
      <Button variant="secondary" id="disconnect" disabled={state === 'disconnected'} onClick={disconnect}>
        Disconnect
      </Button>
      <p id="gateway-help" className="w-full text-xs text-slate-500">
        {!valid
          ? 'A gateway URL starts with ws:// or wss://'
          : connectedUrl
            ? `Connected to ${connectedUrl}`
            : lastError
              ? `Last problem: ${lastError}`
              : 'Not connected'}
      </p>
    </form>
  );
}
