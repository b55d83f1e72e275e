import type { WxtBrowser } from 'wxt/browser';
import { badgeText, expect, test, waitForVerdict } from './fixtures';

declare const chrome: WxtBrowser;

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

test('a guardian PIN locks trusting a site', async ({ page, context, serviceWorker, extensionId, sites }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('input[name="new-pin"]').fill('12');
  await options.getByRole('button', { name: 'Set PIN' }).click();
  await expect(options.getByRole('alert')).toHaveText('The PIN must be 4 to 12 digits.');
  await options.locator('input[name="new-pin"]').fill('2580');
  await options.getByRole('button', { name: 'Set PIN' }).click();
  await expect(options.getByText('A guardian PIN is set.')).toBeVisible();
  const stored = await serviceWorker.evaluate(async () => JSON.stringify((await chrome.storage.local.get('settings')).settings));
  expect(stored).not.toContain('2580');

  await page.goto(`${sites}/job-typist.html`);
  const verdict = await waitForVerdict(serviceWorker, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${verdict.tabId}`);
  await popup.locator('[data-trust="always"]').click();
  const prompt = popup.locator('.pin-prompt');
  await prompt.locator('input[name="pin"]').fill('1111');
  await prompt.getByRole('button', { name: 'Unlock' }).click();
  await expect(prompt.getByRole('alert')).toHaveText('Wrong PIN.');
  await expect(page.locator('redflag-warning')).toHaveCount(1); // still warned
  await prompt.locator('input[name="pin"]').fill('2580');
  await prompt.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.locator('.popup-actions .notice')).toContainText('until you revoke it in Options');
  await expect(page.locator('redflag-warning')).toHaveCount(0);
});
