/**
 * A scam page tries to read what Redflag knows: its files, its storage, its pages (framed), and the banner.
 * Redflag's history of OTHER pages (here: a victim page visited first, whose evidence is a unique handle) must be
 * out of reach; the banner holds only the scam type, the rule's public title and advice (SECURITY.md, P4).
 */
import { expect, test } from './fixtures';
import { expectWarningHolds, hostileState, HOSTILE, warningFor } from './hostile-helpers';

const MARKER = 'victim_marker_7731';

interface SnoopState {
  loot: string[];
  attempts: Record<string, string>;
  log: { what: string; value: unknown }[];
  bannerText?: string | null;
}

test('a page cannot read extension data: files, storage, framed extension pages or other pages\' evidence', async ({ page, context, serviceWorker, extensionId, sites }) => {
  // Something worth stealing: a warning with a unique handle, in the tab verdicts and the history.
  await page.goto(`${sites}/${HOSTILE}/victim-chat.html`);
  const victim = await warningFor(context, serviceWorker, page);
  expect(JSON.stringify(victim.verdict), `victim verdict${victim.verdict.truncated ? ' (cut short by the scan budget)' : ''}`).toContain(MARKER);

  const snoop = await context.newPage();
  await snoop.goto(`${sites}/${HOSTILE}/snoop.html?id=${extensionId}`);
  await expectWarningHolds(context, serviceWorker, snoop);
  await expect
    .poll(async () => Object.values((await hostileState<SnoopState>(snoop)).attempts).filter((v) => v === 'pending').length, { timeout: 10_000 })
    .toBe(0);
  await expect.poll(async () => (await hostileState<SnoopState>(snoop)).bannerText ?? null).not.toBeNull();
  const state = await hostileState<SnoopState>(snoop);

  // No extension API in the page, and every file fetch is refused (the one web-accessible file needs a dynamic URL).
  expect(state.log.find((l) => l.what === 'chrome.storage')?.value).toBe(false);
  const fetches = Object.entries(state.attempts).filter(([name]) => name.startsWith('fetch '));
  expect(fetches.length).toBe(6);
  for (const [name, result] of fetches) expect(result, name).toMatch(/^failed/);

  // Framed extension pages do not load: no frame holds extension content.
  for (const frame of snoop.frames()) {
    if (!frame.url().startsWith('chrome-extension://')) continue;
    const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    expect(text, `framed ${frame.url()}`).not.toMatch(/Fake job|warning/i);
  }
  expect(state.log.some((l) => l.what === 'frame readable')).toBe(false);

  // Nothing the page collected contains another page's evidence, the history, or the stored verdicts.
  const loot = state.loot.join('\n');
  expect(loot).not.toContain(MARKER);
  expect(loot).not.toContain('"findings"');
  expect(loot).not.toMatch(/"excerpts"|tab-verdict/);
  // The banner reveals at most what the page already knows plus public rule text (nothing when its root is closed).
  if (state.bannerText !== '(closed shadow root)') expect(state.bannerText).toContain('fake job');
  expect(state.bannerText).not.toContain(MARKER);
});
