/**
 * A scam page attacks the in-page banner: removes it, hides it, covers it, rewrites it. The page owns its DOM, so
 * the banner may lose; what must hold is the warning outside the page: the stored verdict, the toolbar badge and the
 * popup, which the page cannot reach (SECURITY.md, P2).
 */
import { expect, test } from './fixtures';
import { expectWarningHolds, hostileState, HOSTILE, openPopup } from './hostile-helpers';

const CASES = [
  { file: 'remove.html', what: 'removes the banner as soon as it appears', acted: 'removed' },
  { file: 'hide.html', what: 'hides the banner with CSS, attributes and by emptying its shadow root', acted: 'hidden' },
  { file: 'cover.html', what: 'covers the page with a full-screen "verified employer" layer', acted: 'covered' },
  { file: 'restyle.html', what: 'rewrites the banner into an endorsement through its shadow root', acted: 'restyled' },
] as const;

test.describe('hostile page vs the banner', () => {
  for (const c of CASES) {
    test(`a page that ${c.what} cannot suppress the toolbar warning or the popup`, async ({ page, context, serviceWorker, extensionId, sites }, testInfo) => {
      await page.goto(`${sites}/${HOSTILE}/${c.file}`);
      const record = await expectWarningHolds(context, serviceWorker, page);

      // The hostile script really ran against the banner (otherwise this test proves nothing); a closed shadow root
      // leaves the page nothing to hide or rewrite inside it, which counts too.
      await expect.poll(async () => {
        const state = await hostileState(page);
        return Boolean(state[c.acted]) || (c.acted !== 'removed' && c.acted !== 'covered' && state.shadowClosed === true);
      }).toBe(true);
      await testInfo.attach(c.file, { body: await page.screenshot(), contentType: 'image/png' });

      // The popup shows the real verdict, read from extension storage, whatever the page did to its copy.
      const popup = await openPopup(context, extensionId, record.tabId);
      await expect(popup.locator('.verdict-type')).toHaveText('Fake job offer');
      await expect(popup.locator('article.finding')).toHaveCount(record.verdict.findings.length);
      await expect(popup.locator('body')).not.toContainText('SAFE');
    });
  }
});
