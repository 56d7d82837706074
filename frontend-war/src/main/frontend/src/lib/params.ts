/** The params editor's rules: JSON-RPC params are an object or an array, or nothing; the last ones per method are kept. */

export type ParamsCheck = { ok: true; value: unknown } | { ok: false; error: string };

export function checkParams(text: string): ParamsCheck {
  if (text.trim() === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  if (value === null || typeof value !== 'object') {
    return { ok: false, error: 'params must be a JSON object or array (or empty for none)' };
  }
  return { ok: true, value };
}

const PREFIX = 'txrx:console:params:';
const LAST_METHOD = 'txrx:console:method';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled: nothing is remembered
  }
}

export function rememberParams(method: string, text: string, store: Storage | undefined = storage()): void {
  try {
    store?.setItem(PREFIX + method, text);
    store?.setItem(LAST_METHOD, method);
  } catch {
    // full or disabled storage: the editor still works, it only forgets
  }
}

/** The params last sent with `method`, else the example below, else empty. */
export function recallParams(method: string, store: Storage | undefined = storage()): string {
  return store?.getItem(PREFIX + method) ?? EXAMPLES[method] ?? '';
}

export function lastMethod(store: Storage | undefined = storage()): string {
  return store?.getItem(LAST_METHOD) ?? 'system.echo';
}

/** Params to start from for the methods a newcomer tries first. */
export const EXAMPLES: Record<string, string> = {
  'system.echo': '{"text":"hello"}',
  'system.sleep': '{"ms":500}',
  'auth.login': '{"login":"admin","password":""}',
  'auth.register': '{"email":"ada@example.org","username":"ada","displayName":"Ada","password":"correct horse"}',
  'channel.subscribe': '{"channel":"news"}',
  'channel.publish': '{"channel":"news","data":{"text":"hi"}}',
  'channel.history': '{"channel":"news","limit":20}',
  'chat.send': '{"to":"ada","text":"hello"}',
  'chat.history': '{"peer":"ada","limit":20}',
  'presence.online': '{"users":["admin"]}',
  'admin.pending': '{"limit":20}',
  'auth.users': '{"page":0,"size":20}',
};
