import { badgeText, expect, test, waitForVerdict } from './fixtures';

test.describe('in-page warning', () => {
  test('a trafficking-lure job page shows the banner in the <redflag-warning> shadow root', async ({ page, serviceWorker, sites }, testInfo) => {
    await page.goto(`${sites}/job-typist.html`);
    const host = page.locator('redflag-warning');
    const alert = host.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('fake job offer');

    // The banner lives in a shadow root attached to the host, not in the page's own DOM.
    const inShadow = await host.evaluate((el) => el.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? null);
    expect(inShadow).toContain('fake job offer');
    expect(await page.evaluate(() => document.querySelectorAll('[role="alert"]').length)).toBe(0);

    // The top reason is the first finding of the stored verdict, and the advice is shown.
    const stored = await waitForVerdict(serviceWorker, page);
    expect(stored.verdict).toMatchObject({ warn: true, type: 'fake_job' });
    const top = stored.verdict.findings.find((f) => f.type === 'fake_job')!;
    await expect(host.locator('.rf-reason')).toHaveText(top.message);
    await expect(host.locator('.rf-advice')).toContainText('What to do:');

    // The banner does not steal focus from the page.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');

    await testInfo.attach('banner', { body: await page.screenshot({ animations: 'disabled' }), contentType: 'image/png' });
  });

  test('the toolbar badge shows "!" for the scam tab and clears when the tab navigates away', async ({ page, serviceWorker, sites }) => {
    await page.goto(`${sites}/job-typist.html`);
    const scam = await waitForVerdict(serviceWorker, page);
    expect(await badgeText(serviceWorker, scam.tabId)).toBe('!');

    await page.goto(`${sites}/benign.html`);
    const benign = await waitForVerdict(serviceWorker, page);
    expect(benign.tabId).toBe(scam.tabId);
    expect(benign.verdict.warn).toBe(false);
    expect(await badgeText(serviceWorker, benign.tabId)).toBe('');

    // Going back (possibly from the back/forward cache) brings the warning back.
    await page.goBack();
    await expect(page.locator('redflag-warning').getByRole('alert')).toBeVisible();
    await expect.poll(() => badgeText(serviceWorker, scam.tabId)).toBe('!');
  });

  test('Dismiss removes the banner (mouse and keyboard)', async ({ page, sites }) => {
    await page.goto(`${sites}/job-typist.html`);
    const host = page.locator('redflag-warning');
    await host.getByRole('button', { name: /dismiss/i }).click();
    await expect(host).toHaveCount(0);

    await page.reload();
    await expect(host.getByRole('alert')).toBeVisible();
    await host.getByRole('button', { name: /dismiss/i }).focus();
    await page.keyboard.press('Enter');
    await expect(host).toHaveCount(0);

    await page.reload();
    await host.getByRole('button', { name: 'Details' }).focus();
    await page.keyboard.press('Escape');
    await expect(host).toHaveCount(0);
  });

  test('Details opens the explanation page for this tab', async ({ page, context, serviceWorker, extensionId, sites }) => {
    await page.goto(`${sites}/job-typist.html`);
    const stored = await waitForVerdict(serviceWorker, page);
    const [details] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('redflag-warning').getByRole('button', { name: 'Details' }).click(),
    ]);
    await details.waitForLoadState();
    expect(details.url()).toBe(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
    await expect(details.locator('.verdict-type')).toHaveText('Fake job offer');
  });

  for (const [name, file] of [
    ['a benign job page', 'benign.html'],
    ['a news article about scam compounds', 'news-scam-compounds.html'],
  ] as const) {
    test(`${name} shows no banner and no badge`, async ({ page, serviceWorker, sites }, testInfo) => {
      await page.goto(`${sites}/${file}`);
      // The content script reports every scanned page; once the report is in, the decision has been made.
      const stored = await waitForVerdict(serviceWorker, page);
      expect(stored.verdict.warn, JSON.stringify(stored.verdict.findings.map((f) => f.rule))).toBe(false);
      await expect(page.locator('redflag-warning')).toHaveCount(0);
      expect(await badgeText(serviceWorker, stored.tabId)).toBe('');
      await testInfo.attach(file, { body: await page.screenshot(), contentType: 'image/png' });
    });
  }
});
