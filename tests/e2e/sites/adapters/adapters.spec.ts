/**
 * Site adapters end to end: each fixture page (our own markup of the site's structure, served on 127.0.0.1)
 * is loaded at the real site's URL (Playwright routes the URL to the local server), with the extension.
 * The content script must pick the adapter, scan what it reads and deliver the warning per the site's mode.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { badgeText, expect, test, waitForVerdict } from '../../fixtures';
import { bannerView } from '../../closed-shadow';
import { ADAPTER_CASES } from './cases';

/** Serve `file` (from the 127.0.0.1 fixture server) whenever the browser asks for `url`'s page. */
async function routeSite(context: BrowserContext, sites: string, url: string, file: string): Promise<void> {
  const target = new URL(url);
  await context.route(
    (u) => u.origin === target.origin && u.pathname === target.pathname,
    async (route) => {
      const response = await route.fetch({ url: `${sites}/adapters/${file}` });
      await route.fulfill({ response });
    },
  );
}

async function open(context: BrowserContext, page: Page, sites: string, url: string, file: string) {
  await routeSite(context, sites, url, file);
  await page.goto(url);
}

/** Ranges currently highlighted as evidence, as text (read in the page's world: the registry is per document). */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('redflag-evidence');
    return h ? [...h].map((r) => r.toString()) : [];
  });

const expectBanner = (page: Page) => expect.poll(async () => (await bannerView(page))?.visible ?? false).toBe(true);

async function expectMarkerNextTo(page: Page, message: string) {
  const marker = page.locator('redflag-marker');
  await expect(marker).toBeVisible();
  const box = await marker.boundingBox();
  const bubble = await page.getByText(message, { exact: false }).first().boundingBox();
  expect(box && bubble).toBeTruthy();
  // Same row as the bubble (top edges within a line), beside it horizontally.
  expect(Math.abs(box!.y - bubble!.y)).toBeLessThan(24);
  expect(box!.x >= bubble!.x + bubble!.width - 1 || box!.x + box!.width <= bubble!.x + 1).toBe(true);
}

for (const c of ADAPTER_CASES) {
  test(`${c.adapter ?? 'generic'}: ${c.file}`, async ({ context, page, serviceWorker, sites }, testInfo) => {
    await open(context, page, sites, c.url, c.file);
    const stored = await waitForVerdict(serviceWorker, page);
    expect(stored.verdict.warn).toBe(c.warn);
    const linkedin = new URL(c.url).hostname.endsWith('linkedin.com');
    if (!c.warn) {
      await expect(page.locator('redflag-warning')).toHaveCount(0);
      expect(await badgeText(serviceWorker, stored.tabId)).toBe('');
      return;
    }
    await expect.poll(() => badgeText(serviceWorker, stored.tabId)).toBe('!');
    if (linkedin) {
      // LinkedIn forbids overlays: badge only, nothing drawn in the page.
      await page.waitForTimeout(500);
      await expect(page.locator('redflag-warning')).toHaveCount(0);
      await expect(page.locator('redflag-marker')).toHaveCount(0);
      expect(await highlighted(page)).toEqual([]);
      return;
    }
    await expectBanner(page);
    expect((await bannerView(page))?.alert).toMatch(/fake job offer/i);
    // Evidence is highlighted in the page's own text without touching its DOM.
    await expect.poll(() => highlighted(page)).not.toEqual([]);
    const html = await page.evaluate(() => document.body.innerHTML);
    expect(html).not.toMatch(/<mark|redflag-evidence/);
    if (c.kind === 'job' && c.job) {
      // The job was scanned as a job post (structured fields reach the engine).
      expect(stored.verdict.findings.some((f) => f.evidence.some((e) => e.field.startsWith('fields.') || e.field === 'text'))).toBe(true);
    }
    if (c.kind === 'chat') {
      expect(stored.verdict.findings.every((f) => f.evidence.every((e) => /^messages\.\d+$/.test(e.field) || !e.field.startsWith('text')))).toBe(true);
      await expect(page.locator('redflag-marker')).toBeVisible();
    }
    await testInfo.attach(c.file, { body: await page.screenshot(), contentType: 'image/png' });
  });
}

test('fail soft: a job site whose markup changed is still scanned (generic page)', async ({ context, page, serviceWorker, sites }) => {
  // The generic demo page served at an Indeed URL: none of the Indeed selectors match.
  const url = 'https://www.indeed.com/viewjob?jk=changed';
  await context.route((u) => u.href === url, async (route) => route.fulfill({ response: await route.fetch({ url: `${sites}/job-typist.html` }) }));
  await page.goto(url);
  const stored = await waitForVerdict(serviceWorker, page);
  expect(stored.verdict.warn).toBe(true);
  expect(stored.verdict.findings.some((f) => f.evidence.some((e) => e.field === 'text'))).toBe(true);
  await expectBanner(page);
});

test('whatsapp: a lure arriving in an open chat is caught, marked inline and highlighted', async ({ context, page, serviceWorker, sites }, testInfo) => {
  await open(context, page, sites, 'https://web.whatsapp.com/', 'whatsapp-benign.html');
  const first = await waitForVerdict(serviceWorker, page);
  expect(first.verdict.warn).toBe(false);
  const lure = [
    'I am Amy, HR of Golden Bay company. We need an English typist to work overseas, high salary $2,000 per month, no experience needed.',
    'We give you a free air ticket and free accommodation. You can come on a tourist visa, the company arranges the work permit after you arrive.',
  ];
  await page.evaluate((texts) => {
    const list = document.querySelector('#main [role="application"]')!;
    const template = list.querySelector('.message-in')!.closest('[role="row"]')!;
    texts.forEach((text, i) => {
      const row = template.cloneNode(true) as Element;
      const msg = row.querySelector('.message-in')!;
      msg.setAttribute('data-id', `false_85512345678@c.us_NEW${i}`);
      msg.querySelector('.selectable-text span')!.textContent = text;
      list.append(row);
    });
  }, lure);
  await expectBanner(page);
  await expectMarkerNextTo(page, 'We give you a free air ticket');
  await expect.poll(() => highlighted(page)).toContain('free air ticket');
  await expect.poll(async () => (await waitForVerdict(serviceWorker, page)).verdict.warn).toBe(true);
  await testInfo.attach('whatsapp-incremental', { body: await page.screenshot(), contentType: 'image/png' });
});

test('facebook: a lure post loaded by the feed later is caught', async ({ context, page, serviceWorker, sites }) => {
  await open(context, page, sites, 'https://www.facebook.com/groups/1234567890/', 'facebook-group.html');
  await expectBanner(page);
  // Page removes our banner: the toolbar badge still warns, and the banner comes back.
  await page.evaluate(() => document.querySelector('redflag-warning')!.remove());
  const stored = await waitForVerdict(serviceWorker, page);
  expect(await badgeText(serviceWorker, stored.tabId)).toBe('!');
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Weekend market this Saturday.';
    document.querySelector('[role="feed"]')!.append(p);
  });
  await expectBanner(page);
});

test('SPA navigation resets the warning for the new view', async ({ context, page, serviceWorker, sites }) => {
  await open(context, page, sites, 'https://www.indeed.com/viewjob?jk=a1b2c3d4e5f60718', 'indeed.html');
  await expectBanner(page);
  // The app swaps the job pane for a benign job and pushes the new URL, as Indeed's search pane does.
  await page.evaluate(() => {
    const pane = document.querySelector('.jobsearch-JobComponent')!;
    pane.setAttribute('data-jk', 'b2c3d4e5f6071829');
    pane.querySelector('h1 span')!.textContent = 'Barista';
    pane.querySelector('[data-testid="inlineHeader-companyName"] a')!.textContent = 'River Cafe';
    pane.querySelector('#jobDescriptionText')!.textContent = 'River Cafe is looking for a friendly barista for morning shifts. Interview at the cafe.';
    pane.querySelector('#salaryInfoAndJobType')!.textContent = '$350 - $450 a month';
    history.pushState({}, '', '/viewjob?jk=b2c3d4e5f6071829');
  });
  await expect(page.locator('redflag-warning')).toHaveCount(0);
  await expect.poll(() => highlighted(page)).toEqual([]);
  const stored = await waitForVerdict(serviceWorker, page);
  expect(stored.url).toContain('jk=b2c3d4e5f6071829');
  expect(stored.verdict.warn).toBe(false);
});

