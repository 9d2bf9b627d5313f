import { describe, expect, it, vi } from 'vitest';
import { chromeFake } from '@/test/chrome-fake';
import { defineFamily, defineItem } from './define';

interface Prefs {
  color: string;
  size: number;
}

describe('defineItem', () => {
  const prefs = () =>
    defineItem<Prefs>({
      area: 'local',
      name: 'prefs',
      version: 1,
      defaultValue: { color: 'red', size: 1 },
    });

  it('returns the default when nothing is stored, and the stored value after set', async () => {
    const item = prefs();
    await expect(item.get()).resolves.toEqual({ color: 'red', size: 1 });
    await item.set({ color: 'blue', size: 2 });
    await expect(item.get()).resolves.toEqual({ color: 'blue', size: 2 });
    expect(chromeFake().local.data.get('prefs@v1')).toEqual({ color: 'blue', size: 2 });
  });

  it('reads storage once for a first-version item that was never written', async () => {
    const reads = vi.spyOn(chrome.storage.local, 'get');
    expect(await prefs().get()).toEqual({ color: 'red', size: 1 });
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
  });

  it('fills fields added to the default since the value was stored', async () => {
    await chrome.storage.local.set({ 'prefs@v1': { color: 'green' } });
    await expect(prefs().get()).resolves.toEqual({ color: 'green', size: 1 });
  });

  it('still loads a value with a field the default no longer has (a setting since removed)', async () => {
    await chrome.storage.local.set({ 'prefs@v1': { color: 'green', size: 2, debug: true } });
    await expect(prefs().get()).resolves.toMatchObject({ color: 'green', size: 2 });
  });

  it('fills fields added inside a nested default too, keeping what was stored', async () => {
    const nested = defineItem<{ pop: { on: boolean; url: string }; tags: string[] }>({
      area: 'local',
      name: 'nested',
      version: 1,
      defaultValue: { pop: { on: true, url: '' }, tags: ['a'] },
    });
    // Stored before `pop.url` existed.
    await chrome.storage.local.set({ 'nested@v1': { pop: { on: false }, tags: [] } });
    await expect(nested.get()).resolves.toEqual({ pop: { on: false, url: '' }, tags: [] });
  });

  it('never reads a value stored by an older version as this one', async () => {
    await chrome.storage.local.set({ 'prefs@v1': { colour: 'teal' } });
    const v2 = defineItem<Prefs>({
      area: 'local',
      name: 'prefs',
      version: 2,
      defaultValue: { color: 'red', size: 1 },
    });
    await expect(v2.get()).resolves.toEqual({ color: 'red', size: 1 });
  });

  it('notifies watchers of changes to its own key and area only', async () => {
    const item = prefs();
    const seen = vi.fn();
    const stop = item.watch(seen);
    await chrome.storage.session.set({ 'prefs@v1': { color: 'x', size: 0 } });
    await chrome.storage.local.set({ other: 1 });
    await item.set({ color: 'blue', size: 3 });
    await item.remove();
    stop();
    await item.set({ color: 'late', size: 9 });
    expect(seen.mock.calls).toEqual([[{ color: 'blue', size: 3 }], [{ color: 'red', size: 1 }]]);
  });

  it('update applies a change to the current value', async () => {
    const item = prefs();
    await item.update((current) => ({ ...current, size: current.size + 41 }));
    await expect(item.get()).resolves.toEqual({ color: 'red', size: 42 });
  });
});

describe('defineFamily', () => {
  const family = () => defineFamily<{ n: number }>({ area: 'local', name: 'things', version: 2 });

  it('stores each id under its own key', async () => {
    const things = family();
    await things.set('a', { n: 1 });
    await things.set('b', { n: 2 });
    await things.set('c', { n: 3 });
    expect([...chromeFake().local.data.keys()].sort()).toEqual([
      'things@v2:a',
      'things@v2:b',
      'things@v2:c',
    ]);
    await expect(things.get('b')).resolves.toEqual({ n: 2 });
    await expect(things.get('zzz')).resolves.toBeUndefined();
    const many = await things.getMany(['a', 'c', 'missing']);
    expect(Object.fromEntries(many)).toEqual({ a: { n: 1 }, c: { n: 3 } });
    await things.remove(['a', 'b']);
    await expect(things.ids()).resolves.toEqual(['c']);
  });
});
