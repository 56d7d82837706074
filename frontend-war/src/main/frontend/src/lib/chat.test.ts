import { compareIds, foldIntoConversations, mergeMessages, type ChatMessage } from './chat';

const msg = (id: string, from: string, to: string, text = id): ChatMessage => ({ id, from: { id: 1, username: from }, to: { id: 2, username: to }, text, at: '2026-12-04T10:00:00Z' });

describe('chat state', () => {
  it('orders ids by time then sequence, as numbers', () => {
    expect(compareIds('1700000000000-2', '1700000000000-10')).toBe(-1);
    expect(compareIds('1700000000001-0', '1700000000000-99')).toBe(1);
    expect(compareIds('5-5', '5-5')).toBe(0);
  });

  it('merges a page and pushes, each message once, oldest first', () => {
    const page = [msg('1-0', 'ada', 'bob'), msg('3-0', 'bob', 'ada')];
    const merged = mergeMessages(page, [msg('2-0', 'ada', 'bob'), msg('3-0', 'bob', 'ada')]);
    expect(merged.map((m) => m.id)).toEqual(['1-0', '2-0', '3-0']);
  });

  it('puts a pushed message first in its conversation, counting it unread unless it is open', () => {
    let list = foldIntoConversations([], msg('1-0', 'bob', 'ada'), 'ada', null);
    list = foldIntoConversations(list, msg('2-0', 'carol', 'ada'), 'ada', null);
    list = foldIntoConversations(list, msg('3-0', 'Bob', 'ada'), 'ada', null);
    expect(list.map((c) => [c.peer.username, c.unread])).toEqual([['Bob', 2], ['carol', 1]]);
    list = foldIntoConversations(list, msg('4-0', 'carol', 'ada'), 'ada', 'carol');
    expect(list[0]).toMatchObject({ unread: 1 });
    list = foldIntoConversations(list, msg('5-0', 'ada', 'carol'), 'ada', null);
    expect(list[0]).toMatchObject({ unread: 1, peer: { username: 'carol' } });
  });
});
