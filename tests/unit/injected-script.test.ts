import { describe, expect, it } from 'vitest';
import { createContentEngineLoader, provideContentEngine, type ContentEngineModule } from '@/lib/content-engine-loader';
import { createBannerUiLoader, provideBannerUi, type BannerUi } from '@/lib/ui/banner-loader';

const fakeUi = { mountWarningBanner: (async () => ({})) as unknown as BannerUi['mountWarningBanner'] };
const fakeEngine = {
  loadContentEngine: (async () => ({})) as unknown as ContentEngineModule['loadContentEngine'],
  mergeVerdicts: (() => ({})) as unknown as ContentEngineModule['mergeVerdicts'],
};

// The engine and the banner are second files, injected by the background when the content script first needs them.
describe.each([
  { what: 'banner UI', key: '__redflagBannerUi', fake: fakeUi as object, provide: provideBannerUi as (x: never, w: object) => void, loader: createBannerUiLoader as (inject: () => Promise<unknown>, w: object) => () => Promise<object> },
  { what: 'engine', key: '__redflagEngine', fake: fakeEngine as object, provide: provideContentEngine as (x: never, w: object) => void, loader: createContentEngineLoader as (inject: () => Promise<unknown>, w: object) => () => Promise<object> },
])('$what loader', ({ what, key, fake, provide, loader }) => {
  it('asks the background once, then uses what the injected file provided', async () => {
    const world = {};
    let requests = 0;
    const load = loader(async () => {
      requests++;
      provide(fake as never, world);
    }, world);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(fake);
    expect(b).toBe(fake);
    expect(await load()).toBe(fake);
    expect(requests).toBe(1);
    // Not enumerable: nothing iterating the world's globals stumbles on it.
    expect(Object.keys(world)).toEqual([]);
  });

  it('fails clearly when the injection fails or provides nothing, and tries again next time', async () => {
    const world = {};
    let attempt = 0;
    const load = loader(async () => {
      attempt++;
      if (attempt === 1) throw new Error('Cannot access contents of the page');
      if (attempt === 3) provide(fake as never, world);
    }, world);
    await expect(load()).rejects.toThrow('Cannot access');
    await expect(load()).rejects.toThrow(`the ${what} did not load`);
    expect(await load()).toBe(fake);
    expect(attempt).toBe(3);
  });

  it('ignores something else under its key', async () => {
    const world = { [key]: Object.fromEntries(Object.keys(fake).map((k) => [k, 'not a function'])) };
    const load = loader(async () => {}, world);
    await expect(load()).rejects.toThrow('did not load');
  });

  it('a later copy of the file replaces the first (an updated extension injecting again)', async () => {
    const world = {};
    provide(fake as never, world);
    const second = { ...fake };
    provide(second as never, world);
    expect(await loader(async () => {}, world)()).toBe(second);
  });
});
