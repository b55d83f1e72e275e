import { readFile } from 'node:fs/promises';
import { expect, test, waitForVerdict } from './fixtures';
import { reportRecords, setSettings } from './report-helpers';

test.describe('explain and report', () => {
  test('the popup explains a finding and offers report, "Not a scam?" and trust', async ({ page, context, serviceWorker, extensionId, sites }, testInfo) => {
    await page.goto(`${sites}/job-typist.html`);
    const stored = await waitForVerdict(serviceWorker, page);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
    await expect(popup.locator('article.finding').first()).toHaveAttribute('data-rule', stored.verdict.findings[0]!.rule);
    await expect(popup.locator('.finding .why').first()).not.toBeEmpty();
    const actions = popup.locator('.popup-actions');
    await expect(actions.getByRole('button', { name: 'Report this' })).toBeVisible();
    await expect(actions.locator('[data-trust]')).toHaveCount(3);

    // "Not a scam?" keeps a local false-alarm note with the rule ids, page and excerpts.
    await actions.getByRole('button', { name: 'Not a scam?' }).click();
    await actions.locator('textarea[name="not-scam-note"]').fill('This is my own test page');
    await actions.getByRole('button', { name: 'Save false-alarm note' }).click();
    await expect(actions.getByRole('status')).toHaveText('Saved on this device. Thank you.');
    const feedback = await reportRecords<{ url: string; ruleIds: string[]; excerpts: string[]; note: string }>(popup, 'feedback');
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ url: page.url(), ruleIds: stored.verdict.findings.map((f) => f.rule), note: 'This is my own test page' });
    expect(feedback[0]!.excerpts.length).toBeGreaterThan(0);
    await testInfo.attach('popup-actions', { body: await popup.screenshot({ fullPage: true }), contentType: 'image/png' });

    // "Report this" opens the review page for this tab.
    const opened = context.waitForEvent('page');
    await actions.getByRole('button', { name: 'Report this' }).click();
    const report = await opened;
    await report.waitForLoadState();
    expect(report.url()).toBe(`chrome-extension://${extensionId}/report.html?tab=${stored.tabId}`);
    await expect(report.locator('.bundle-url')).toHaveText(page.url());
  });

  test('builds the bundle, redacts, confirms, records history and opens the channel', async ({ page, context, serviceWorker, extensionId, sites }, testInfo) => {
    await setSettings(serviceWorker, { country: 'GB' });
    await page.goto(`${sites}/job-typist.html`);
    const stored = await waitForVerdict(serviceWorker, page);

    const report = await context.newPage();
    // Record what the page puts on the clipboard (headless Chromium cannot grant clipboard access to extension pages).
    await report.addInitScript(() => {
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    });
    await report.goto(`chrome-extension://${extensionId}/report.html?tab=${stored.tabId}`);
    // The bundle: page, type, rule ids and excerpts quoted from the page.
    await expect(report.locator('.bundle-url')).toHaveText(page.url());
    for (const f of stored.verdict.findings) await expect(report.locator(`.bundle-rules [data-rule="${f.rule}"]`)).toBeVisible();
    await expect(report.locator('.bundle-excerpt').first()).toBeVisible();

    // Personal data in the note is redacted by default; one item can be shown again.
    await report.locator('textarea[name="note"]').fill('They wrote to me at victim.person@example.com and called +855 12 345 678. Recruiter Amy Tan.');
    await report.locator('input[name="names"]').fill('Amy Tan');
    const preview = report.getByTestId('report-preview');
    await expect(preview).toContainText('They wrote to me at [email] and called [phone]. Recruiter [name].');
    await expect(preview).not.toContainText('victim.person@example.com');
    await report.locator('[data-redaction="phone"] input[type="checkbox"]').uncheck();
    await expect(preview).toContainText('called +855 12 345 678');

    // Nothing can be sent before the user confirms.
    const channel = report.locator('[data-channel="GB-ReportFraud-web"]');
    await expect(channel.locator('button.channel-action')).toBeDisabled();
    await report.getByRole('button', { name: 'This is what I want to report' }).click();
    await expect(report.locator('textarea[name="note"]')).toBeDisabled();

    // The lure names Cambodia: "call 117 in Cambodia" is offered even to a UK user; phone channels are tel: links.
    await expect(report.locator('[data-channel="KH-police-117"]')).toContainText('If you are already in Cambodia');
    await expect(report.locator('[data-channel="KH-police-117"] a.channel-action')).toHaveAttribute('href', 'tel:117');
    await expect(report.locator('[data-channel="GB-ReportFraud-phone"] a.channel-action')).toHaveAttribute('href', 'tel:03001232040');

    // One click opens the web form (intercepted: no network) and copies the report text.
    await context.route('https://www.reportfraud.police.uk/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>form</title>' }));
    const opened = context.waitForEvent('page');
    await channel.locator('a.channel-action').click();
    const form = await opened;
    await form.waitForLoadState();
    expect(form.url()).toBe('https://www.reportfraud.police.uk/');
    await expect(report.locator('.status')).toContainText('Recorded in your report history.');

    const history = await reportRecords<{ channelId: string; status: string; url: string; bundle: { note: string; ruleIds: string[] } }>(report, 'reports');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ channelId: 'GB-ReportFraud-web', status: 'opened', url: page.url() });
    expect(history[0]!.bundle.note).toBe('They wrote to me at [email] and called +855 12 345 678. Recruiter [name].');
    expect(history[0]!.bundle.ruleIds).toEqual([...new Set(stored.verdict.findings.map((f) => f.rule))]);
    const clip = (await report.evaluate(() => (window as unknown as { copied: string[] }).copied)).join('\n');
    expect(clip).toContain(page.url());
    expect(clip).not.toContain('victim.person@example.com');
    await testInfo.attach('report', { body: await report.screenshot({ fullPage: true }), contentType: 'image/png' });

    // The history is listed in options, exported as CSV and JSON, and deleted.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const block = options.locator('[data-history="reports"]');
    await expect(block.locator('li')).toHaveCount(1);
    const csvDownload = options.waitForEvent('download');
    await block.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile((await (await csvDownload).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('"time","channelId","channelName","action","status","url","scamType","ruleIds","error"');
    expect(csv).toContain('"GB-ReportFraud-web"');
    const jsonDownload = options.waitForEvent('download');
    await block.getByRole('button', { name: 'Export JSON' }).click();
    const json = JSON.parse(await readFile((await (await jsonDownload).path())!, 'utf8'));
    expect(json).toMatchObject({ exportedBy: 'redflag', kind: 'reports', records: [expect.objectContaining({ channelId: 'GB-ReportFraud-web' })] });
    await block.getByRole('button', { name: 'Delete all' }).click();
    await expect(block.getByText('Nothing yet.')).toBeVisible();
    expect(await reportRecords(options, 'reports')).toEqual([]);
  });

  test('changing the country changes the channels', async ({ page, context, serviceWorker, extensionId, sites }) => {
    await setSettings(serviceWorker, { country: 'GB' });
    await page.goto(`${sites}/job-typist.html`);
    const stored = await waitForVerdict(serviceWorker, page);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('select[name="country"]')).toHaveValue('GB');
    await options.locator('select[name="country"]').selectOption('TH');
    await expect(options.getByRole('status')).toHaveText('Saved.');

    const report = await context.newPage();
    await report.goto(`chrome-extension://${extensionId}/report.html?tab=${stored.tabId}`);
    await expect(report.locator('[data-channel="TH-thaipoliceonline"]')).toBeVisible();
    await expect(report.locator('[data-channel="GB-ReportFraud-web"]')).toHaveCount(0);
    // And on the report page itself, for this report.
    await report.locator('select[name="country"]').selectOption('PH');
    await expect(report.locator('[data-channel="PH-1343"]')).toBeVisible();
    await expect(report.locator('[data-channel="TH-thaipoliceonline"]')).toHaveCount(0);
  });
});

test('the UI follows the language chosen in options', async ({ page, context, serviceWorker, extensionId, sites }) => {
  await setSettings(serviceWorker, { language: 'km', country: 'KH' });
  await page.goto(`${sites}/job-typist.html`);
  const stored = await waitForVerdict(serviceWorker, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
  await expect(popup.locator('.popup-actions button[data-action="report"]')).toHaveText('រាយការណ៍');
  await expect(popup.locator('.popup-actions .country-line')).toContainText('ប្រទេសរបស់អ្នក'); // country names come from the browser's ICU data
  const report = await context.newPage();
  await report.goto(`chrome-extension://${extensionId}/report.html?tab=${stored.tabId}`);
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('រាយការណ៍ការបោកប្រាស់នេះ');
  await expect(report.locator('html')).toHaveAttribute('lang', 'km');
  // Cambodia's own channels for a Cambodian user: 117 is a national short code, shown here.
  await expect(report.locator('[data-channel="KH-police-117"]')).toBeVisible();
});
