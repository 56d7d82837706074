/** The frame log's model: each frame as the console shows it, with the calls it matches and their latency. */

export type Direction = 'out' | 'in' | 'local';
export type FrameKind = 'call' | 'notification' | 'reply' | 'error' | 'push' | 'batch' | 'unparsable' | 'note';
export type RpcId = string | number | null;

export interface FrameEntry {
  seq: number;
  direction: Direction;
  at: number;
  text: string;
  /** The parsed frame; undefined when it is not JSON (or a local note). */
  json?: unknown;
  kind: FrameKind;
  ids: RpcId[];
  methods: string[];
  error: boolean;
  /** For a reply: ms since the call with its id went out (the slowest of a batch's). */
  latencyMs?: number;
}

interface Message {
  id?: RpcId;
  method?: unknown;
  result?: unknown;
  error?: unknown;
}

function isMessage(value: unknown): value is Message {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What one parsed frame is, seen from its direction. */
export function classify(json: unknown, direction: Direction): Pick<FrameEntry, 'kind' | 'ids' | 'methods' | 'error'> {
  const messages = Array.isArray(json) ? json : [json];
  const ids: RpcId[] = [];
  const methods: string[] = [];
  let error = false;
  let kind: FrameKind | undefined;
  for (const m of messages) {
    if (!isMessage(m)) {
      error = true;
      continue;
    }
    if ('id' in m) ids.push(m.id ?? null);
    if (typeof m.method === 'string') methods.push(m.method);
    if ('error' in m) error = true;
    if (typeof m.method === 'string') {
      kind = 'id' in m ? 'call' : direction === 'in' ? 'push' : 'notification';
    } else {
      kind = 'error' in m ? 'error' : 'reply';
    }
  }
  if (Array.isArray(json)) kind = 'batch';
  return { kind: kind ?? 'unparsable', ids, methods, error };
}

const key = (id: RpcId) => JSON.stringify(id);

/** Turns frames into entries, remembering when each call went out so its reply gets a latency. */
export class FrameTracker {
  #seq = 0;
  #sentAt = new Map<string, number>();

  record(direction: Direction, text: string, at: number = performance.now()): FrameEntry {
    const seq = ++this.#seq;
    if (direction === 'local') {
      return { seq, direction, at, text, kind: 'note', ids: [], methods: [], error: true };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { seq, direction, at, text, kind: 'unparsable', ids: [], methods: [], error: true };
    }
    const entry: FrameEntry = { seq, direction, at, text, json, ...classify(json, direction) };
    if (direction === 'out') {
      for (const id of entry.ids) this.#sentAt.set(key(id), at);
    } else if (entry.kind === 'reply' || entry.kind === 'error' || entry.kind === 'batch') {
      let latency: number | undefined;
      for (const id of entry.ids) {
        const sent = this.#sentAt.get(key(id));
        if (sent !== undefined && id !== null) {
          this.#sentAt.delete(key(id));
          latency = Math.max(latency ?? 0, at - sent);
        }
      }
      if (latency !== undefined) entry.latencyMs = latency;
    }
    if (this.#sentAt.size > 10000) this.#sentAt.clear(); // calls never answered: do not grow without bound
    return entry;
  }
}

export interface FrameFilter {
  text: string;
  direction: 'all' | Direction;
  errorsOnly: boolean;
}

export const NO_FILTER: FrameFilter = { text: '', direction: 'all', errorsOnly: false };

export function matches(entry: FrameEntry, filter: FrameFilter): boolean {
  if (filter.direction !== 'all' && entry.direction !== filter.direction) return false;
  if (filter.errorsOnly && !entry.error) return false;
  const needle = filter.text.trim().toLowerCase();
  return needle === '' || entry.text.toLowerCase().includes(needle) || entry.kind === needle;
}

/** The frame as the log shows it: indented JSON when asked and possible, else as it travelled. */
export function render(entry: FrameEntry, pretty: boolean): string {
  if (!pretty || entry.json === undefined) return entry.text;
  return JSON.stringify(entry.json, null, 2);
}

/** Keeps the newest `max` entries. */
export function append<T>(list: T[], item: T, max = 1000): T[] {
  const next = list.length >= max ? list.slice(list.length - max + 1) : list.slice();
  next.push(item);
  return next;
}
