/**
 * README screenshots of the popup, the report review page and options (the banner's is written by `tests/e2e/demo.ts`). Skipped unless REDFLAG_SCREENSHOTS=1, so a normal
 * test run never rewrites tracked files: `REDFLAG_SCREENSHOTS=1 npx playwright test readme-screenshots`.
 */
import { resolve } from 'node:path';
import { expect, test, waitForVerdict } from './fixtures';
import { setSettings } from './report-helpers';

const OUT = resolve(import.meta.dirname, 'screenshots');

test.skip(process.env.REDFLAG_SCREENSHOTS !== '1', 'set REDFLAG_SCREENSHOTS=1 to refresh the README screenshots');

test('README screenshots', async ({ page, context, serviceWorker, extensionId, sites }) => {
  await setSettings(serviceWorker, { country: 'GB' });
  await page.setViewportSize({ width: 1100, height: 640 });
  await page.goto(`${sites}/job-typist.html`);
  await expect(page.locator('redflag-warning').getByRole('alert')).toBeVisible();
  const stored = await waitForVerdict(serviceWorker, page);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 760 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
  await expect(popup.locator('.popup-actions')).toBeVisible();
  await popup.screenshot({ path: `${OUT}/popup.png` });
  await popup.locator('.popup-actions').screenshot({ path: `${OUT}/popup-actions.png` });

  const report = await context.newPage();
  await report.setViewportSize({ width: 900, height: 1000 });
  await report.goto(`chrome-extension://${extensionId}/report.html?tab=${stored.tabId}`);
  await report.locator('textarea[name="note"]').fill('The recruiter asked me to write to hr.amy@example.com and call +855 12 345 678.');
  await report.getByRole('button', { name: 'This is what I want to report' }).click();
  await report.screenshot({ path: `${OUT}/report-review.png`, fullPage: true });

  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('select[name="country"]')).toHaveValue('GB');
  await options.screenshot({ path: `${OUT}/options.png`, fullPage: true });
});
