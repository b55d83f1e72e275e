/**
 * Pathological DOM around a scam page: 2,000 nested elements, 100,000 siblings, a page that mutates itself every
 * 5 ms. The content script must neither crash (the page still gets its warning) nor freeze the page: the page's own
 * animation frames keep coming. (The frame-gap bound is a hang detector, far above any normal frame.)
 */
import { expect, test } from './fixtures';
import { expectWarningHolds, hostileState, HOSTILE } from './hostile-helpers';

const HANG_MS = 5_000;

for (const shape of ['deep', 'wide', 'storm'] as const) {
  test(`a ${shape} pathological DOM neither hides the scam nor freezes the page`, async ({ page, context, serviceWorker, sites }) => {
    test.setTimeout(60_000);
    await page.goto(`${sites}/${HOSTILE}/dom.html?shape=${shape}`);
    await expectWarningHolds(context, serviceWorker, page, 500);
    if (shape === 'storm') await expect.poll(async () => (await hostileState(page)).stormDone ?? false, { timeout: 20_000 }).toBe(true);
    const state = await hostileState<{ frames: number; maxFrameGap: number; mutations?: number }>(page);
    expect(state.frames).toBeGreaterThan(10);
    console.log(`[hostile-dom] ${shape}: longest frame gap ${Math.round(state.maxFrameGap)} ms over ${state.frames} frames${state.mutations ? `, ${state.mutations} nodes added` : ''}`);
    expect(state.maxFrameGap).toBeLessThan(HANG_MS);
  });
}
