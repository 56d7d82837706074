/** Chat state kept by the page: conversations and the open conversation's messages, merged by id. */

export interface ChatUser {
  id: number;
  username: string;
}
export interface ChatMessage {
  id: string;
  from: ChatUser;
  to: ChatUser;
  text: string;
  at: string;
}
export interface Conversation {
  peer: ChatUser;
  last: ChatMessage;
  unread: number;
}

/** Compares message ids (`<ms>-<seq>`) in sending order. */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am === bm ? (as === bs ? 0 : as < bs ? -1 : 1) : am < bm ? -1 : 1;
}

/** `messages` plus `more`, each id once, oldest first. */
export function mergeMessages(messages: ChatMessage[], more: ChatMessage[]): ChatMessage[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  for (const m of more) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

/** The other side of a message, for the signed-in `me`. */
export function peerOf(message: ChatMessage, me: string): ChatUser {
  return message.from.username.toLowerCase() === me.toLowerCase() ? message.to : message.from;
}

/** A pushed message folded into the conversation list: its conversation first, unread counted when it is to me. */
export function foldIntoConversations(list: Conversation[], message: ChatMessage, me: string, open: string | null): Conversation[] {
  const peer = peerOf(message, me);
  const existing = list.find((c) => c.peer.username.toLowerCase() === peer.username.toLowerCase());
  const toMe = message.to.username.toLowerCase() === me.toLowerCase();
  const unread = (existing?.unread ?? 0) + (toMe && open?.toLowerCase() !== peer.username.toLowerCase() ? 1 : 0);
  const updated: Conversation = { peer, last: message, unread };
  return [updated, ...list.filter((c) => c !== existing)];
}
