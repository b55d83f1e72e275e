/**
 * A scam page pads itself with junk text so the per-scan time budget runs out before the scam text is reached.
 * A budget may delay a warning, never drop it: the page must still get its warning (SECURITY.md, P2/P5).
 * 'beyond' puts more junk before the scam text than the engine reads of one field (300,000 characters): the content
 * script reads big pages in blocks (lib/observe/page-chunks.ts), so that must warn too.
 */
import { expect, test } from './fixtures';
import { expectWarningHolds, HOSTILE } from './hostile-helpers';

const CASES = {
  none: 'no padding (control)',
  one: 'one 250,000-character junk text node',
  many: '3,000 junk paragraphs',
  beyond: '350,000 characters of junk (beyond what Redflag reads)',
} as const;

for (const [pad, what] of Object.entries(CASES)) {
  test(`a police-impersonation page behind ${what} still warns`, async ({ page, context, serviceWorker, sites }) => {
    await page.goto(`${sites}/${HOSTILE}/padding.html?pad=${pad}`);
    const record = await expectWarningHolds(context, serviceWorker, page, 200);
    expect(record.verdict.type).toBe('impersonation');
  });
}
