/**
 * A managed-policy setting is honoured, through Chromium's real policy route: a JSON policy file in
 * /etc/chromium/policies/managed with a "3rdparty" entry for the extension's id, which Chromium delivers to
 * chrome.storage.managed. To touch no other test, the built extension is copied to its own directory, whose
 * unpacked-extension id (derived from the path) is computed before launch; the file is removed afterwards.
 * Needs write access to /etc/chromium/policies (root, as in CI); otherwise the test is skipped, and the policy
 * parsing/application stays covered by tests/unit/settings.test.ts.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, extensionArgs } from './chromium-path';
import { EXTENSION_DIR, expect, test, waitForVerdict } from './fixtures';
import { reportRecords } from './report-helpers';

const POLICY_DIR = '/etc/chromium/policies/managed';

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, first 16 bytes, hex digits mapped to a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest().subarray(0, 16).toString('hex');
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function canWritePolicies(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

test.describe('managed policy', () => {
  test.skip(!canWritePolicies(), `needs write access to ${POLICY_DIR} (run as root, as CI does)`);

  let dir = '';
  let policyFile = '';
  let context: BrowserContext;
  let extensionId = '';

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redflag-policy-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    extensionId = unpackedExtensionId(dir);
    policyFile = join(POLICY_DIR, `redflag-e2e-${extensionId}.json`);
    const policy = {
      country: 'KH',
      lockedSettings: ['trust'],
      reportEndpoint: { url: 'https://ngo.example/redflag', name: 'Example NGO desk' },
    };
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
    context = await chromium.launchPersistentContext('', { executablePath: chromiumPath(), headless: true, args: extensionArgs(dir) });
  });

  test.afterAll(async () => {
    await context?.close();
    if (policyFile) rmSync(policyFile, { force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('country, a locked setting and the organisation endpoint are honoured', async ({ sites }) => {
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    expect(new URL(sw.url()).host).toBe(extensionId);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const country = options.locator('select[name="country"]');
    await expect(country).toBeDisabled();
    await expect(country).toHaveValue('KH');
    await expect(options.getByText('Set by your organisation').first()).toBeVisible();

    const page = await context.newPage();
    await page.goto(`${sites}/job-typist.html`);
    const stored = await waitForVerdict(sw, page);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${stored.tabId}`);
    await expect(popup.locator('.popup-actions .trust')).toContainText('Set by your organisation');
    await expect(popup.locator('[data-trust]')).toHaveCount(0);

    const report = await context.newPage();
    await report.goto(`chrome-extension://${extensionId}/report.html?tab=${stored.tabId}`);
    await expect(report.locator('[data-channel="KH-police-117"]')).toBeVisible();
    let posted: { schema: string; bundle: { url: string; note: string } } | undefined;
    await context.route('https://ngo.example/redflag', async (route) => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' };
      if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      posted = route.request().postDataJSON();
      return route.fulfill({ status: 202, headers: cors, body: '' });
    });
    await report.locator('textarea[name="note"]').fill('Mail me at me@example.org');
    const send = report.getByRole('button', { name: 'Send to Example NGO desk' });
    await expect(send).toBeDisabled();
    await report.getByRole('button', { name: 'This is what I want to report' }).click();
    await send.click();
    await expect(report.locator('.status')).toContainText('Sent to Example NGO desk.');
    expect(posted?.schema).toBe('redflag-org-report/1');
    expect(posted?.bundle.url).toBe(page.url());
    expect(posted?.bundle.note).toBe('Mail me at [email]');
    const history = await reportRecords<{ channelId: string; status: string }>(report, 'reports');
    expect(history).toEqual([expect.objectContaining({ channelId: 'organisation', status: 'sent' })]);
  });
});
