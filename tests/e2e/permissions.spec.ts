/**
 * Least privilege and CSP (SECURITY.md, P8), on the BUILT extension (.output/chrome-mv3, after `wxt build`):
 * every permission in manifest.json is justified in SECURITY.md and used by the bundled code; host permissions only
 * for http(s) pages, no external messaging, no content script declared (the background injects it after load, into
 * the isolated world); the single web-accessible file needs a dynamic URL; the
 * extension pages' CSP keeps Manifest V3's default (no 'unsafe-eval', no remote code), and Chromium enforces it:
 * eval, new Function, string timers and inline scripts are refused in the popup.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR, expect, test } from './fixtures';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; all_frames?: boolean; world?: string }[];
  web_accessible_resources?: { resources: string[]; matches?: string[]; use_dynamic_url?: boolean }[];
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  [key: string]: unknown;
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
const security = readFileSync(resolve(import.meta.dirname, '../../SECURITY.md'), 'utf8');

/** All bundled JavaScript of the build. */
function bundle(dir = EXTENSION_DIR): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? bundle(join(dir, e.name)) : e.name.endsWith('.js') ? readFileSync(join(dir, e.name), 'utf8') : ''))
    .join('\n');
}
const code = bundle();

/** How each permission shows up in code that uses it. A permission missing here cannot be justified by use. */
const USED_BY: Record<string, RegExp> = {
  storage: /\.storage(?:\.(?:local|session|sync|managed)\b|\[)/,
  alarms: /\.alarms\.(create|get|clear|onAlarm)/,
  contextMenus: /\.contextMenus\.(create|update|remove|onClicked)/,
  notifications: /\.notifications\.(create|clear)/,
  scripting: /\.scripting\.(executeScript|insertCSS|registerContentScripts)/,
  tabs: /\.tabs\.(query|get)\b[\s\S]{0,200}\.(url|title)\b/,
  activeTab: /captureVisibleTab|\.scripting\.executeScript/,
  offscreen: /\.offscreen\.createDocument/,
  unlimitedStorage: /indexedDB\.open|openDB\(/,
  webNavigation: /\.webNavigation\.on/,
};

test.describe('manifest and CSP of the built extension', () => {
  test('every permission is justified in SECURITY.md and used by the code', () => {
    const permissions = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
    for (const p of permissions) {
      expect(security, `SECURITY.md must justify the "${p}" permission`).toMatch(new RegExp(`\\|\\s*\`${p}\`\\s*\\|`));
      expect(USED_BY[p], `no known use pattern for "${p}": add one to USED_BY or drop the permission`).toBeDefined();
      expect(USED_BY[p]!.test(code), `"${p}" is requested but the bundle never uses it`).toBe(true);
    }
    console.log(`[permissions] ${permissions.length} permissions (${permissions.join(', ')}), all justified and used`);
  });

  test('host permissions for http(s) pages only, no external messaging, no declared content script', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    // Declared content scripts slow every page load down, even empty ones (lib/content-injection.ts).
    expect(manifest.content_scripts ?? []).toEqual([]);
    // Injected scripts run in Redflag's isolated world, never in the page's.
    expect(/\.scripting\.executeScript/.test(code)).toBe(true);
    expect(/world\s*:\s*["'`]MAIN["'`]/.test(code), 'no script injected into the page world').toBe(false);
    expect(manifest.externally_connectable, 'web pages and other extensions have no channel to the background').toBeUndefined();
    expect(/onMessageExternal|onConnectExternal/.test(code), 'no handler for other extensions or pages').toBe(false);
    for (const cs of manifest.content_scripts ?? []) {
      for (const m of cs.matches) expect(m, 'content scripts run on http(s) pages only').toMatch(/^https?:\/\/\*\/\*$/);
      expect(cs.world ?? 'ISOLATED', 'content scripts run in the isolated world, never in the page\'s').toBe('ISOLATED');
    }
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  test('only the banner stylesheet is web-accessible, and only through a dynamic URL', () => {
    for (const war of manifest.web_accessible_resources ?? []) {
      for (const r of war.resources) expect(r, 'web-accessible resources').toMatch(/^content-scripts\/[\w-]+\.css$/);
      expect(war.use_dynamic_url, 'a fixed URL would let pages fingerprint the extension').toBe(true);
    }
    // No extension page can be framed or opened by a web page.
    expect(JSON.stringify(manifest.web_accessible_resources ?? [])).not.toMatch(/\.html/);
  });

  test('the manifest keeps the default CSP: no unsafe-eval, no remote or inline script', () => {
    const csp = manifest.content_security_policy;
    if (csp?.extension_pages) {
      expect(csp.extension_pages).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
      expect(csp.extension_pages).toMatch(/script-src 'self'/);
    }
    expect(csp?.sandbox ?? '').not.toMatch(/unsafe-eval/);
    expect(manifest.sandbox, 'no sandboxed pages (they may use eval)').toBeUndefined();
  });

  test('Chromium enforces the CSP in extension pages: no eval, no new Function, no string timers, no inline script', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    // DevTools evaluation is exempt from CSP by default (allowUnsafeEvalBlockedByCSP); ask for the page's own rules.
    const cdp = await context.newCDPSession(popup);
    const run = async (expression: string) => {
      const r = (await cdp.send('Runtime.evaluate', { expression, allowUnsafeEvalBlockedByCSP: false, returnByValue: true })) as {
        result: { value?: unknown };
        exceptionDetails?: { exception?: { className?: string; description?: string } };
      };
      return r.exceptionDetails ? (r.exceptionDetails.exception?.className ?? 'error') : `ran: ${JSON.stringify(r.result.value)}`;
    };
    // The control: ordinary code runs, so a refusal below is the CSP and not a broken harness.
    expect(await run('1 + 1')).toBe('ran: 2');
    expect(await run('eval("1 + 1")')).toBe('EvalError');
    expect(await run('new Function("return 1")()')).toBe('EvalError');
    expect(await run('setTimeout("window.__timer = true"); "scheduled"')).toBe('ran: "scheduled"');
    const inline = await popup.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.head.appendChild(s);
      return (window as unknown as { __inline?: boolean }).__inline ?? false;
    });
    expect(inline).toBe(false);
    await popup.waitForTimeout(100);
    expect(await popup.evaluate(() => (window as unknown as { __timer?: boolean }).__timer ?? false)).toBe(false);
  });
});
