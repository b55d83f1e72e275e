import { describe, expect, it } from 'vitest';
import { createBannerUiLoader, provideBannerUi, type BannerUi } from '@/lib/ui/banner-loader';

const fakeUi = { mountWarningBanner: (async () => ({})) as unknown as BannerUi['mountWarningBanner'] };

describe('banner UI loader (the banner is a second file, injected when a page first warns)', () => {
  it('asks the background once, then uses what the injected file provided', async () => {
    const world = {};
    let requests = 0;
    const load = createBannerUiLoader(async () => {
      requests++;
      provideBannerUi(fakeUi, world);
    }, world);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(fakeUi);
    expect(b).toBe(fakeUi);
    expect(await load()).toBe(fakeUi);
    expect(requests).toBe(1);
    // Not enumerable: nothing iterating the world's globals stumbles on it.
    expect(Object.keys(world)).toEqual([]);
  });

  it('fails clearly when the injection fails or provides nothing, and tries again next time', async () => {
    const world = {};
    let attempt = 0;
    const load = createBannerUiLoader(async () => {
      attempt++;
      if (attempt === 1) throw new Error('Cannot access contents of the page');
      if (attempt === 3) provideBannerUi(fakeUi, world);
    }, world);
    await expect(load()).rejects.toThrow('Cannot access');
    await expect(load()).rejects.toThrow('did not load');
    expect(await load()).toBe(fakeUi);
    expect(attempt).toBe(3);
  });

  it('ignores something else under its key', async () => {
    const world = { __redflagBannerUi: { mountWarningBanner: 'not a function' } };
    const load = createBannerUiLoader(async () => {}, world);
    await expect(load()).rejects.toThrow('did not load');
  });
});
