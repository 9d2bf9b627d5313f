import { describe, expect, it } from 'vitest';
import { callSessions } from '@/platform/storage/keys';
import { chromeFake } from '@/test/chrome-fake';
import { aCall } from '@/test/calls';
import { showLatestCall } from './latest-call';

describe("the shortcut's current call", () => {
  it("focuses the newest live call's window, or opens it again", async () => {
    expect(await showLatestCall()).toBe('none');
    const older = (await chrome.windows.create({ url: 'a' }))?.id;
    const newer = (await chrome.windows.create({ url: 'b' }))?.id;
    await callSessions.set('s1', aCall({ sessionId: 's1', firstEventAt: 1, windowId: older! }));
    await callSessions.set('s2', aCall({ sessionId: 's2', firstEventAt: 2, windowId: newer! }));
    // Ended calls are not current, however new.
    await callSessions.set('s3', aCall({ sessionId: 's3', firstEventAt: 3, status: 'NoCall' }));
    chromeFake().windows.get(newer!)!.focused = false;
    expect(await showLatestCall()).toBe('focused');
    expect(chromeFake().windows.get(newer!)?.focused).toBe(true);

    await chrome.windows.remove(newer!);
    expect(await showLatestCall()).toBe('opened');
    expect((await callSessions.get('s2'))?.windowId).not.toBe(newer);
  });
});
