import { useCallback, useEffect, useRef, useState } from 'react';
import { useTxrx, useTxrxEvent } from '../state/txrx';
import { foldIntoConversations, mergeMessages, peerOf, type ChatMessage, type Conversation } from '../lib/chat';
import { Button, Dot, Empty, ErrorNote, Loading, Panel, inputClass } from '../components/ui';

/** Conversations, history, unread and live messages of the signed-in user, with presence dots. */
export function Chat() {
  const { client, state, user } = useTxrx();
  const me = user?.username ?? ''; // shown behind RequireUser: a user is signed in
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  const [peer, setPeer] = useState<string | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [older, setOlder] = useState<string | null>(null);
  const [online, setOnline] = useState<Record<string, boolean>>({});
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const peerRef = useRef(peer);
  peerRef.current = peer;
  const connected = state === 'connected' && client !== null;

  const watch = useCallback(
    async (users: string[]) => {
      if (!client || users.length === 0) return;
      try {
        const now = await client.call<Record<string, boolean>>('presence.watch', { users });
        setOnline((o) => ({ ...o, ...Object.fromEntries(Object.entries(now).map(([k, v]) => [k.toLowerCase(), v])) }));
      } catch (e) {
        setError(e);
      }
    },
    [client],
  );

  // conversations (and who of them is online) on every new connection
  useEffect(() => {
    if (!connected) return;
    client
      .call<Conversation[]>('chat.conversations')
      .then((list) => {
        setConversations(list);
        watch(list.map((c) => c.peer.username).slice(0, 50));
      })
      .catch(setError);
  }, [client, connected, watch]);

  const open = useCallback(
    async (name: string) => {
      if (!client) return;
      setPeer(name);
      setTo(name);
      setError(null);
      try {
        const page = await client.call<{ messages: ChatMessage[]; next: string | null }>('chat.history', { peer: name, limit: 50 });
        setMessages(page.messages);
        setOlder(page.next);
        watch([name]);
        const last = page.messages[page.messages.length - 1];
        if (last) {
          await client.call('chat.read', { peer: name, upTo: last.id });
          setConversations((list) => list?.map((c) => (c.peer.username.toLowerCase() === name.toLowerCase() ? { ...c, unread: 0 } : c)) ?? list);
        }
      } catch (e) {
        setError(e);
      }
    },
    [client, watch],
  );

  const loadOlder = async () => {
    if (!client || !peer || !older) return;
    try {
      const page = await client.call<{ messages: ChatMessage[]; next: string | null }>('chat.history', { peer, limit: 50, before: older });
      setMessages((m) => mergeMessages(m, page.messages));
      setOlder(page.next);
    } catch (e) {
      setError(e);
    }
  };

  useTxrxEvent('notification', (n) => {
    if (n.method === 'chat.message') {
      const message = n.params as ChatMessage;
      const other = peerOf(message, me).username;
      setConversations((list) => foldIntoConversations(list ?? [], message, me, peerRef.current));
      if (peerRef.current?.toLowerCase() === other.toLowerCase()) {
        setMessages((m) => mergeMessages(m, [message]));
        if (message.to.username.toLowerCase() === me.toLowerCase()) client?.call('chat.read', { peer: other, upTo: message.id }).catch(() => {});
      }
      if (!(other.toLowerCase() in online)) watch([other]);
    } else if (n.method === 'presence.changed') {
      const p = n.params as { user: string; online: boolean };
      setOnline((o) => ({ ...o, [p.user.toLowerCase()]: p.online }));
    }
  });

  const send = async () => {
    if (!client || !user || to.trim() === '' || text.trim() === '') return;
    setError(null);
    try {
      const sent = await client.call<{ id: string; at: string }>('chat.send', { to: to.trim(), text });
      const mine: ChatMessage = { id: sent.id, at: sent.at, text, from: { id: user.id, username: me }, to: { id: 0, username: to.trim() } };
      setText('');
      if (peer?.toLowerCase() === to.trim().toLowerCase()) setMessages((m) => mergeMessages(m, [mine]));
      else open(to.trim());
      setConversations((list) => foldIntoConversations(list ?? [], mine, me, to.trim()));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="grid gap-4 md:grid-cols-[16rem_minmax(0,1fr)]">
      <Panel title="Conversations" id="conversations">
        {!conversations && connected && <Loading what="conversations" />}
        {!connected && <Empty>Connect to the gateway to chat.</Empty>}
        {conversations && conversations.length === 0 && <Empty>No conversation yet: write to someone.</Empty>}
        <ul className="space-y-1">
          {conversations?.map((c) => (
            <li key={c.peer.username}>
              <button type="button" onClick={() => open(c.peer.username)} aria-current={peer?.toLowerCase() === c.peer.username.toLowerCase()} className={`conversation flex w-full items-center gap-2 rounded px-2 py-1 text-left text-sm hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 ${peer?.toLowerCase() === c.peer.username.toLowerCase() ? 'bg-indigo-100' : ''}`} data-peer={c.peer.username}>
                <Dot on={!!online[c.peer.username.toLowerCase()]} label={online[c.peer.username.toLowerCase()] ? `${c.peer.username} is online` : `${c.peer.username} is offline`} />
                <span className="flex-1 truncate">
                  <strong>{c.peer.username}</strong>
                  <span className="block truncate text-xs text-slate-500">{c.last.text}</span>
                </span>
                {c.unread > 0 && (
                  <span className="rounded-full bg-indigo-600 px-1.5 text-xs text-white" aria-label={`${c.unread} unread`}>
                    {c.unread}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title={peer ? `Chat with ${peer}` : 'Chat'} id="chat">
        <ErrorNote error={error} />
        {peer && older && (
          <Button variant="secondary" onClick={loadOlder}>
            Older messages
          </Button>
        )}
        {peer && messages.length === 0 && <Empty>No message with {peer} yet.</Empty>}
        {!peer && <Empty>Pick a conversation, or write to a username below.</Empty>}
        <ol id="chat-messages" aria-label="Messages" aria-live="polite" className="my-2 max-h-96 space-y-1 overflow-auto">
          {messages.map((m) => {
            const mine = m.from.username.toLowerCase() === me.toLowerCase();
            return (
              <li key={m.id} className={`chat-message flex ${mine ? 'justify-end' : 'justify-start'}`} data-id={m.id} data-from={m.from.username}>
                <span className={`max-w-[80%] rounded-lg px-2 py-1 text-sm ${mine ? 'bg-indigo-600 text-white' : 'bg-slate-100'}`}>
                  <span className="sr-only">{m.from.username}: </span>
                  {m.text}
                  <time className={`ml-2 text-[10px] ${mine ? 'text-indigo-200' : 'text-slate-500'}`} dateTime={m.at}>
                    {new Date(m.at).toLocaleTimeString()}
                  </time>
                </span>
              </li>
            );
          })}
        </ol>
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <div className="flex w-32 flex-col gap-1">
            <label htmlFor="chat-to" className="text-xs font-medium uppercase tracking-wide text-slate-600">
              To
            </label>
            <input id="chat-to" className={inputClass} value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          <div className="flex min-w-[10rem] flex-1 flex-col gap-1">
            <label htmlFor="chat-text" className="text-xs font-medium uppercase tracking-wide text-slate-600">
              Message
            </label>
            <input id="chat-text" className={inputClass} value={text} onChange={(e) => setText(e.target.value)} maxLength={4000} />
          </div>
          <Button type="submit" id="chat-send" disabled={!connected || to.trim() === '' || text.trim() === ''}>
            Send
          </Button>
        </form>
      </Panel>
    </div>
  );
}
