import { badgeText, expect, test, waitForVerdict } from './fixtures';
import { bannerView, clickBanner, focusBanner } from './closed-shadow';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const LOGIN = readFileSync(resolve(import.meta.dirname, 'sites/url/login.html'), 'utf8');
const KM = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/km/messages.json'), 'utf8')) as Record<string, { message: string }>;
const JOB_POST =
  'English Typist / Online Customer Service (no experience needed). Location: Sihanoukville, Cambodia. Basic salary $1,500 - $2,500 USD per month. ' +
  'Free air ticket to Cambodia, we arrange everything. Free visa - a tourist visa is fine, company will process work papers after you arrive. ' +
  'Free accommodation and free meals inside the compound. No interview, start immediately. Send your passport photo and contact our HR manager on Telegram only.';

const visibleBanner = (page: import('@playwright/test').Page) => expect.poll(async () => (await bannerView(page))?.visible ?? false, { timeout: 10_000 }).toBe(true);
const noBanner = (page: import('@playwright/test').Page) => expect(page.locator('redflag-warning')).toHaveCount(0);

test.describe('in-page warning', () => {
  test('a trafficking-lure job page shows the banner in the <redflag-warning> shadow root', async ({ page, serviceWorker, sites }, testInfo) => {
    await page.goto(`${sites}/job-typist.html`);
    await visibleBanner(page);
    const view = (await bannerView(page))!;
    expect(view.alert).toContain('fake job offer');
    expect(view.ariaLabel).toBe('Redflag scam warning');
    expect(view.lang).toMatch(/^en/);
    // Its own stylesheet is applied (the banner code is a second file; it must still get the content script's styles).
    expect(view.styled).toBe(true);

    // The banner lives in a shadow root attached to the host, not in the page's own DOM.
    expect(await page.evaluate(() => document.querySelectorAll('[role="alert"]').length)).toBe(0);

    // The top reason is the first finding of the stored verdict, and the advice is shown.
    const stored = await waitForVerdict(serviceWorker, page);
    expect(stored.verdict).toMatchObject({ warn: true, type: 'fake_job' });
    const top = stored.verdict.findings.find((f) => f.type === 'fake_job')!;
    expect(view.reason).toBe(top.message);
    expect(view.advice).toContain('What to do');
    expect(view.buttons).toEqual(['Details', 'Hide highlights', 'Trust this site', 'Dismiss']);

    // The banner does not steal focus from the page.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    expect(view.focused).toBe(false);

    await testInfo.attach('banner', { body: await page.screenshot({ animations: 'disabled' }), contentType: 'image/png' });
  });

  test('the page cannot hide the banner with its own CSS or rewrite it, and a removed banner comes back', async ({ page, serviceWorker, sites }) => {
    await page.goto(`${sites}/job-typist.html`);
    await visibleBanner(page);
    await page.addStyleTag({ content: 'redflag-warning { display: none !important; visibility: hidden !important; opacity: 0 !important; }' });
    expect((await bannerView(page))?.visible).toBe(true);
    // A page script rewriting the banner gets a fresh, genuine banner back.
    await page.evaluate(() => {
      const alert = document.querySelector('redflag-warning')!.shadowRoot!.querySelector('[role="alert"]')!;
      alert.textContent = 'This employer is verified. Safe to apply.';
    });
    await expect.poll(async () => (await bannerView(page))?.alert ?? '').toContain('fake job offer');
    expect((await bannerView(page))?.alert).not.toContain('verified');
    await page.evaluate(() => document.querySelector('redflag-warning')!.remove());
    const stored = await waitForVerdict(serviceWorker, page);
    expect(await badgeText(serviceWorker, stored.tabId)).toBe('!');
    // The next scan (any change to the page) brings it back.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Footer updated.' })));
    await visibleBanner(page);
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
    await visibleBanner(page);
    await expect.poll(() => badgeText(serviceWorker, scam.tabId)).toBe('!');
  });

  test('Dismiss removes the banner (mouse and keyboard)', async ({ page, sites }) => {
    await page.goto(`${sites}/job-typist.html`);
    await visibleBanner(page);
    await clickBanner(page, 'Dismiss');
    await noBanner(page);

    await page.reload();
    await visibleBanner(page);
    await focusBanner(page, 'Dismiss');
    await page.keyboard.press('Enter');
    await noBanner(page);

    await page.reload();
    await visibleBanner(page);
    await focusBanner(page, 'Details');
    await page.keyboard.press('Escape');
    await noBanner(page);
  });

  test('Details opens the explanation page for this tab', async ({ page, context, serviceWorker, extensionId, sites }) => {
    await page.goto(`${sites}/job-typist.html`);
    const stored = await waitForVerdict(serviceWorker, page);
    await visibleBanner(page);
    const [details] = await Promise.all([context.waitForEvent('page'), clickBanner(page, 'Details')]);
    await details.waitForLoadState();
    expect(details.url()).toBe(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
    await expect(details.locator('.verdict-type')).toHaveText('Fake job offer');
  });

  test('Trust this site silences the banner for the site; highlights can be switched off', async ({ page, serviceWorker, sites }) => {
    await page.goto(`${sites}/job-typist.html`);
    await visibleBanner(page);
    const count = () => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('redflag-evidence')?.size ?? 0);
    await expect.poll(count).toBeGreaterThan(0);
    await clickBanner(page, 'Hide highlights');
    await expect.poll(count).toBe(0);
    expect((await bannerView(page))?.buttons).toContain('Show highlights');
    await clickBanner(page, 'Show highlights');
    await expect.poll(count).toBeGreaterThan(0);

    await clickBanner(page, 'Trust this site');
    expect((await bannerView(page))?.buttons).toEqual(['For 1 hour', 'For 1 day', 'Always', 'Cancel']);
    await clickBanner(page, 'For 1 hour');
    await noBanner(page);
    await expect.poll(count).toBe(0);
    const settings = (await serviceWorker.evaluate(() => chrome.storage.local.get('settings'))) as { settings: { trusted: Record<string, { until: number }> } };
    expect(Object.keys(settings.settings.trusted)).toEqual(['127.0.0.1']);
    await page.reload();
    await waitForVerdict(serviceWorker, page);
    await page.waitForTimeout(300);
    await noBanner(page);
  });

  test("a URL warning and the page's own warning share one banner, which takes in both", async ({ page, context, serviceWorker }) => {
    // A login page on a look-alike domain: only the background's URL check warns (show-url-warning).
    await context.route('http://paypa1-secure-login.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: LOGIN }));
    await page.goto('http://paypa1-secure-login.com/signin');
    await visibleBanner(page);
    expect((await bannerView(page))!.alert).toContain('impersonation');
    // The URL finding's "what to do" comes from the background with the message (lib/url is not in the content script).
    expect((await bannerView(page))!.advice).toMatch(/^What to do: \S/);
    await expect(page.locator('redflag-warning')).toHaveCount(1);
    // Then the page shows a trafficking-lure job post: the page's own scan warns too.
    await page.evaluate((text) => {
      const post = document.createElement('section');
      post.textContent = text;
      document.querySelector('main')!.append(post);
    }, JOB_POST);
    await expect.poll(async () => (await waitForVerdict(serviceWorker, page)).verdict.findings.some((f) => f.type === 'fake_job'), { timeout: 10_000 }).toBe(true);
    const stored = await waitForVerdict(serviceWorker, page);
    // One banner, showing the merged verdict (page findings and the URL finding), as the toolbar does.
    const headline = { fake_job: 'fake job offer', impersonation: 'impersonation' }[stored.verdict.type as 'fake_job' | 'impersonation'];
    await expect.poll(async () => (await bannerView(page))?.alert ?? '', { timeout: 10_000 }).toContain(headline);
    await page.waitForTimeout(1_000);
    await expect(page.locator('redflag-warning')).toHaveCount(1);
    expect(stored.verdict.findings.some((f) => f.rule === 'url-lookalike-domain')).toBe(true);
  });

  test('a language chosen in options while the page is open redraws the banner in it', async ({ page, serviceWorker, sites }) => {
    await page.goto(`${sites}/job-typist.html`);
    await visibleBanner(page);
    expect((await bannerView(page))!.lang).not.toBe('km');
    await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { language: 'km' } }));
    await expect.poll(async () => (await bannerView(page))?.lang, { timeout: 10_000 }).toBe('km');
    const view = (await bannerView(page))!;
    expect(view.alert).toContain(KM.headlineFakeJob!.message);
    expect(view.buttons[0]).toBe(KM.bannerDetails!.message);
  });

  test('the banner speaks the language chosen in options, not the browser language', async ({ page, serviceWorker, sites }) => {
    await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { language: 'km' } }));
    await page.goto(`${sites}/job-typist.html`);
    await visibleBanner(page);
    const view = (await bannerView(page))!;
    expect(view.lang).toBe('km');
    expect(view.ariaLabel).toBe(KM.bannerLabel!.message);
    expect(view.alert).toContain(KM.headlineFakeJob!.message);
    expect(view.buttons[0]).toBe(KM.bannerDetails!.message);
    expect(view.buttons.at(-1)).toBe(KM.bannerDismiss!.message);
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
      await noBanner(page);
      expect(await badgeText(serviceWorker, stored.tabId)).toBe('');
      await testInfo.attach(file, { body: await page.screenshot(), contentType: 'image/png' });
    });
  }
});

declare const chrome: { storage: { local: { get(k: string): Promise<unknown>; set(v: object): Promise<void> } } };
