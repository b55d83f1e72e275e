import { badgeText, expect, test, waitForVerdict } from './fixtures';

test('trusting a site stops its warnings and revoking restores them', async ({ page, context, serviceWorker, extensionId, sites }) => {
  const banner = page.locator('redflag-warning').getByRole('alert');
  await page.goto(`${sites}/job-typist.html`);
  await expect(banner).toBeVisible();
  let stored = await waitForVerdict(serviceWorker, page);
  expect(await badgeText(serviceWorker, stored.tabId)).toBe('!');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
  await popup.locator('[data-trust="hour"]').click();
  await expect(popup.locator('.popup-actions').getByRole('status')).toContainText('Redflag will not warn on 127.0.0.1 until');
  // The open page loses its banner at once.
  await expect(page.locator('redflag-warning')).toHaveCount(0);

  await page.reload();
  stored = await waitForVerdict(serviceWorker, page);
  expect(stored.verdict.warn).toBe(true); // the page is still scanned ...
  await expect(page.locator('redflag-warning')).toHaveCount(0); // ... but not warned about
  await expect.poll(() => badgeText(serviceWorker, stored.tabId)).toBe('');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const row = options.locator('[data-trusted="127.0.0.1"]');
  await expect(row).toContainText('until');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(options.getByText('No trusted sites.')).toBeVisible();

  await page.reload();
  await expect(banner).toBeVisible();
  stored = await waitForVerdict(serviceWorker, page);
  await expect.poll(() => badgeText(serviceWorker, stored.tabId)).toBe('!');
});
