/**
 * MV3 stops the service worker whenever it likes. A report the user is writing must survive that, and the extension
 * must carry on: the draft in the report page is intact, the page still has its verdict, and the fresh worker
 * handles the next page (SECURITY.md, P7). The worker is stopped through CDP, as Chrome stops an idle worker.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { badgeText, EXTENSION_DIR, expect, test } from './fixtures';
import { currentWorker, expectFreshWorker, stopServiceWorker, warningFor } from './hostile-helpers';

test('a report draft survives the service worker being stopped and restarted', async ({ page, context, serviceWorker, extensionId, sites }) => {
  test.skip(!existsSync(join(EXTENSION_DIR, 'report.html')), 'no report page in this build');
  await page.goto(`${sites}/job-typist.html`);
  const record = await warningFor(context, serviceWorker, page);

  const report = await context.newPage();
  await report.goto(`chrome-extension://${extensionId}/report.html?tab=${record.tabId}`);
  const note = report.locator('textarea[name="note"]');
  await expect(note).toBeEditable();
  const draft = 'He asked for my passport photo on Telegram. Ich habe nicht bezahlt. 我没有付款 \u202E(test)';
  await note.fill(draft);
  const before = await report.locator('body').innerText();

  await stopServiceWorker(context, report, extensionId);

  // The draft and the page's view of the warning are intact.
  await expect(note).toHaveValue(draft);
  expect(await report.locator('body').innerText()).toBe(before);

  // The fresh worker works: the next warning reaches the toolbar.
  const next = await context.newPage();
  await next.goto(`${sites}/hostile/victim-chat.html`);
  const nextRecord = await warningFor(context, serviceWorker, next);
  await expectFreshWorker(context);
  await expect.poll(() => badgeText(currentWorker(context, serviceWorker), nextRecord.tabId)).toBe('!');
  await expect(note).toHaveValue(draft);
});
