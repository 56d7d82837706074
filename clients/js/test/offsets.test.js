import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetTracker, compareOffsets, isStreamId, parseOffset } from '../offsets.js';

test('offsets order by milliseconds, then by sequence, as numbers', () => {
    assert.ok(compareOffsets('1718000000000-0', '1718000000001-0') < 0);
    assert.ok(compareOffsets('1718000000000-10', '1718000000000-9') > 0);
    assert.equal(compareOffsets('1718000000000-3', '1718000000000-3'), 0);
    assert.equal(compareOffsets('5', '5-0'), 0);
    assert.ok(compareOffsets('0', '1-0') < 0);
});

test('offsets stay exact beyond 2^53', () => {
    assert.ok(compareOffsets('1-9007199254740993', '1-9007199254740992') > 0);
    assert.deepEqual(parseOffset('7-18446744073709551615'), [7n, 18446744073709551615n]);
});

test('only stream ids count as offsets', () => {
    assert.ok(isStreamId('1718000000000-0'));
    assert.ok(isStreamId('0'));
    for (const bad of ['$', '', '-1', '1-', 'abc', '1-2-3', null, undefined, 17]) {
        assert.equal(isStreamId(bad), false, String(bad));
    }
    assert.throws(() => compareOffsets('$', '1-0'), TypeError);
});

test('the tracker hands each offset over once, in increasing order', () => {
    const tracker = new OffsetTracker();
    const arrived = ['1-0', '2-0', '2-0', '1-0', '3-0', '2-5', '3-1'];
    const delivered = arrived.filter((offset) => tracker.accept('news', offset));
    assert.deepEqual(delivered, ['1-0', '2-0', '3-0', '3-1']);
    assert.equal(tracker.get('news'), '3-1');
});

test('channels are tracked apart', () => {
    const tracker = new OffsetTracker();
    assert.ok(tracker.accept('a', '5-0'));
    assert.ok(tracker.accept('b', '1-0'));
    assert.equal(tracker.accept('a', '4-0'), false);
});

test('advance moves the start forward, never back, and forget starts over', () => {
    const tracker = new OffsetTracker();
    tracker.advance('news', '10-0');
    tracker.advance('news', '5-0');
    tracker.advance('news', '$');
    assert.equal(tracker.get('news'), '10-0');
    assert.equal(tracker.accept('news', '10-0'), false);
    assert.ok(tracker.accept('news', '10-1'));
    tracker.forget('news');
    assert.equal(tracker.get('news'), undefined);
    assert.ok(tracker.accept('news', '1-0'));
});

test('a message without a valid offset is not delivered', () => {
    assert.equal(new OffsetTracker().accept('news', undefined), false);
});
