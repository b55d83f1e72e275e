import { describe, expect, it } from 'vitest';
import { CLAIM_KEY, claimDocument, createContentInjector, isClaimed, isWebPage, sweepOpenTabs } from '@/lib/content-injection';

describe('claimDocument: one content-script copy per document', () => {
  it('lets the first copy run and stops a second one while the first is alive', () => {
    const world = {};
    let alive = true;
    expect(claimDocument(() => alive, world)).toBe(true);
    expect(isClaimed(CLAIM_KEY, world)).toBe(true);
    expect(claimDocument(() => true, world)).toBe(false);
    // The first copy was invalidated (or orphaned by an extension update): a new copy takes over.
    alive = false;
    expect(isClaimed(CLAIM_KEY, world)).toBe(false);
    expect(claimDocument(() => true, world)).toBe(true);
    expect(isClaimed(CLAIM_KEY, world)).toBe(true);
  });

  it('treats a liveness check that throws, or anything that is not one, as no claim', () => {
    expect(isClaimed(CLAIM_KEY, {})).toBe(false);
    expect(isClaimed(CLAIM_KEY, { [CLAIM_KEY]: true })).toBe(false);
    expect(isClaimed(CLAIM_KEY, { [CLAIM_KEY]: () => 'yes' })).toBe(false);
    const throwing = {
      [CLAIM_KEY]: () => {
        throw new Error('extension context invalidated');
      },
    };
    expect(isClaimed(CLAIM_KEY, throwing)).toBe(false);
    expect(claimDocument(() => true, throwing)).toBe(true);
  });

  it('works on its own when serialised (the background runs it in the page world with only the key)', () => {
    // scripting.executeScript sends the function's source: it must not close over module bindings.
    const rebuilt = new Function(`return (${isClaimed.toString()})`)() as (key: string) => boolean;
    const g = globalThis as Record<string, unknown>;
    expect(rebuilt(CLAIM_KEY)).toBe(false);
    g[CLAIM_KEY] = () => true;
    try {
      expect(rebuilt(CLAIM_KEY)).toBe(true);
    } finally {
      delete g[CLAIM_KEY];
    }
  });
});

describe('createContentInjector', () => {
  function setup(claimed: boolean | Error, injectError?: Error) {
    const injected: number[] = [];
    const ensure = createContentInjector({
      claimed: async () => {
        if (claimed instanceof Error) throw claimed;
        return claimed;
      },
      inject: async (tabId) => {
        if (injectError) throw injectError;
        injected.push(tabId);
      },
    });
    return { ensure, injected };
  }

  it('injects into a tab whose page runs no copy, and only there', async () => {
    const fresh = setup(false);
    expect(await fresh.ensure(4)).toBe('injected');
    expect(fresh.injected).toEqual([4]);
    const running = setup(true);
    expect(await running.ensure(4)).toBe('present');
    expect(running.injected).toEqual([]);
  });

  it('never throws for a tab that cannot be scripted (closed, error page, protected page)', async () => {
    expect(await setup(new Error('No tab with id: 4')).ensure(4)).toBe('failed');
    expect(await setup(false, new Error('Cannot access contents of the page')).ensure(4)).toBe('failed');
  });
});

describe('isWebPage', () => {
  it('accepts http(s) documents only', () => {
    expect(isWebPage('https://example.org/a')).toBe(true);
    expect(isWebPage('HTTP://example.org/')).toBe(true);
    for (const url of ['chrome://newtab/', 'about:blank', 'file:///tmp/x.html', 'chrome-extension://abc/popup.html', '', undefined]) expect(isWebPage(url)).toBe(false);
  });
});

describe('sweepOpenTabs: the tabs open at install, update or browser start', () => {
  it('checks the address of every web page and protects it, loaded or still loading; other tabs are left alone', () => {
    const checked: Array<[number, string]> = [];
    const protectedTabs: number[] = [];
    sweepOpenTabs(
      [
        { id: 1, url: 'https://jobs.example/typist' },
        // Loaded or still loading alike (the status is not asked): a loading page's "complete" update may already be
        // lost to this worker, so it is not waited for.
        { id: 2, url: 'http://paypa1-login.example/' },
        { id: 3, url: 'chrome://newtab/' },
        { id: -1, url: 'https://devtools.example/' },
        { url: 'https://no-id.example/' },
        { id: 4, url: 'file:///home/me/offer.html' },
      ],
      { checkAddress: (tabId, url) => checked.push([tabId, url]), protect: (tabId) => protectedTabs.push(tabId) },
    );
    expect(checked).toEqual([
      [1, 'https://jobs.example/typist'],
      [2, 'http://paypa1-login.example/'],
    ]);
    expect(protectedTabs).toEqual([1, 2]);
  });
});
