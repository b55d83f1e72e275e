/**
 * `npm run demo`: serve the bundled demo pages on 127.0.0.1 and open Chromium with the built extension on the
 * trafficking-lure job page, so the warning banner is visible at once.
 *   - With a display (or on macOS/Windows): a real browser window; close it to stop.
 *   - With `--headless`, in CI, or without a display: a headless run that checks the banner appears, saves a
 *     screenshot to test-results/demo-banner.png and exits (non-zero if no banner appeared).
 *     `--readme-screenshot` writes it to tests/e2e/screenshots/banner.png instead (the README image).
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { chromiumPath, extensionArgs } from './chromium-path';
import { startSiteServer } from './site-server';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const SCREENSHOT = process.argv.includes('--readme-screenshot')
  ? join(ROOT, 'tests/e2e/screenshots/banner.png')
  : join(ROOT, 'test-results/demo-banner.png');
const DEMO_PAGE = '/job-typist.html';

const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
const headless = process.argv.includes('--headless') || process.argv.includes('--readme-screenshot') || !!process.env.CI || !hasDisplay;

function printManualSteps(origin: string) {
  console.log(`
To see Redflag in your own browser:
  1. Open chrome://extensions, switch on "Developer mode", click "Load unpacked" and pick
     ${EXTENSION_DIR}
  2. Serve the demo pages:  npx tsx tests/e2e/site-server.ts 8787
  3. Open http://127.0.0.1:8787${DEMO_PAGE}  (this run used ${origin})`);
}

async function main() {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}. Run \`npm run demo\` (it builds first) or \`npm run build\`.`);
  }
  const server = await startSiteServer();
  const url = `${server.origin}${DEMO_PAGE}`;
  const profile = mkdtempSync(join(tmpdir(), 'redflag-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    args: extensionArgs(EXTENSION_DIR),
    viewport: headless ? { width: 1100, height: 640 } : null,
    reducedMotion: headless ? 'reduce' : undefined,
  });
  const cleanup = async () => {
    await context.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const alert = page.locator('redflag-warning').getByRole('alert');
    await alert.waitFor({ state: 'visible', timeout: 20_000 });
    console.log(`Redflag warned on ${url}:\n  ${(await alert.innerText()).replace(/\s*\n\s*/g, '\n  ')}`);

    if (headless) {
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
      console.log(`Screenshot saved to ${relative(process.cwd(), SCREENSHOT)}`);
      if (!hasDisplay) {
        console.log('\nNo display found (DISPLAY is not set), so the demo ran headless.');
        printManualSteps(server.origin);
      }
      await cleanup();
      return;
    }
    console.log('\nThe browser window shows the demo page with the warning. Close the window (or press Ctrl-C) to stop.');
    await new Promise<void>((done) => {
      context.on('close', () => done());
      process.once('SIGINT', () => done());
    });
    await cleanup();
  } catch (error) {
    await cleanup();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
