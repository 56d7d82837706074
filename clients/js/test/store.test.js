import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore, WebStorageStore } from '../store.js';
import { FakeStorage } from './fake-websocket.js';

const message = (offset, data = offset) => ({ channel: 'news', offset, data });

test('a memory store keeps the newest messages per channel and the last offset', () => {
    const store = new MemoryStore({ keep: 3 });
    for (let i = 1; i <= 5; i++) {
        store.append(message(`${i}-0`, { n: i }));
    }
    store.append({ channel: 'other', offset: '9-0', data: 'x' });
    const kept = store.load('news');
    assert.deepEqual(kept.messages.map((m) => m.data.n), [3, 4, 5]);
    assert.equal(kept.offset, '5-0');
    assert.equal(store.load('other').messages.length, 1);
    assert.deepEqual(store.load('none'), { messages: [], offset: null });
});

test('load answers a copy', () => {
    const store = new MemoryStore();
    store.append(message('1-0'));
    store.load('news').messages.push(message('2-0'));
    assert.equal(store.load('news').messages.length, 1);
});

test('a message not newer than the kept offset is not kept twice', () => {
    const store = new MemoryStore();
    store.append(message('2-0'));
    store.append(message('1-0'));
    store.append(message('2-0'));
    assert.deepEqual(store.load('news').messages.map((m) => m.offset), ['2-0']);
});

test('setOffset records progress without a message, forward only', () => {
    const store = new MemoryStore();
    store.setOffset('news', '7-0');
    store.setOffset('news', '3-0');
    store.setOffset('news', '$');
    assert.deepEqual(store.load('news'), { messages: [], offset: '7-0' });
});

test('keep 0 tracks the offset only', () => {
    const store = new MemoryStore({ keep: 0 });
    store.append(message('4-0'));
    assert.deepEqual(store.load('news'), { messages: [], offset: '4-0' });
});

test('a web storage store survives a reload', () => {
    const storage = new FakeStorage();
    const first = new WebStorageStore(storage, { flushMs: 0, keep: 2 });
    first.append(message('1-0'));
    first.append(message('2-0'));
    first.append(message('3-0'));
    const reloaded = new WebStorageStore(storage, { keep: 2 });
    assert.deepEqual(reloaded.load('news').messages.map((m) => m.offset), ['2-0', '3-0']);
    assert.equal(reloaded.load('news').offset, '3-0');
    assert.ok(storage.getItem('txrx:channel:news'));
});

test('a burst of messages is written once', async () => {
    const storage = new FakeStorage();
    const store = new WebStorageStore(storage, { flushMs: 5 });
    for (let i = 1; i <= 50; i++) {
        store.append(message(`${i}-0`));
    }
    assert.equal(storage.writes, 0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(storage.writes, 1);
    assert.equal(JSON.parse(storage.getItem('txrx:channel:news')).messages.length, 50);
});

test('a full storage drops the oldest messages, keeping the offset', () => {
    const storage = new FakeStorage(2000);
    const errors = [];
    const store = new WebStorageStore(storage, { flushMs: 0, onError: (e) => errors.push(e) });
    for (let i = 1; i <= 100; i++) {
        store.append(message(`${i}-0`, 'x'.repeat(20)));
    }
    const saved = JSON.parse(storage.getItem('txrx:channel:news'));
    assert.equal(saved.offset, '100-0');
    assert.ok(saved.messages.length > 0 && saved.messages.length < 100);
    assert.equal(saved.messages.at(-1).offset, '100-0');
    assert.deepEqual(errors, []);
});

test('an unreadable entry is reported and ignored', () => {
    const storage = new FakeStorage();
    storage.setItem('txrx:channel:news', '{not json');
    const errors = [];
    const store = new WebStorageStore(storage, { onError: (e) => errors.push(e) });
    assert.deepEqual(store.load('news'), { messages: [], offset: null });
    assert.equal(errors.length, 1);
});

test('clear forgets a channel in the storage too', () => {
    const storage = new FakeStorage();
    const store = new WebStorageStore(storage, { flushMs: 0 });
    store.append(message('1-0'));
    store.clear('news');
    assert.equal(storage.getItem('txrx:channel:news'), null);
});
