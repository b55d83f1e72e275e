/**
 * The banner (`<redflag-warning>`) and the chat marker (`<redflag-marker>`) live in CLOSED shadow roots, so page
 * scripts cannot rewrite them; Playwright locators cannot enter them either. Tests reach them through the
 * DevTools protocol (DOM.getDocument with `pierce`), which sees closed roots, and run a function on the root.
 */
import type { Page } from '@playwright/test';

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findHosts(node: CdpNode, tag: string, out: CdpNode[] = []): CdpNode[] {
  if (node.nodeName === tag) out.push(node);
  for (const c of node.children ?? []) findHosts(c, tag, out);
  for (const s of node.shadowRoots ?? []) findHosts(s, tag, out);
  return out;
}

/**
 * Run `fn(shadowRoot, arg)` in the page on the shadow root of the last `<tag>` element; null when there is none.
 * `fn` must be self-contained (it is sent as source text).
 */
export async function inClosedShadow<T, A = undefined>(page: Page, tag: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findHosts(root, tag.toUpperCase()).at(-1);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const result = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) throw new Error(`in shadow root: ${result.exceptionDetails.text} ${result.exceptionDetails.exception?.description ?? ''}`);
    return result.result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export interface BannerView {
  /** The alert's text (headline, reason, advice). */
  alert: string;
  reason: string;
  advice: string;
  /** Button labels, in order. */
  buttons: string[];
  /** The alert is laid out and visible. */
  visible: boolean;
  /** The banner's stylesheet is applied in its shadow root (the level line is upper-cased by it). */
  styled: boolean;
  /** Whether the element with focus is inside the banner. */
  focused: boolean;
  lang: string | null;
  ariaLabel: string | null;
}

/** What the banner shows, or null when there is no banner. */
export function bannerView(page: Page): Promise<BannerView | null> {
  return inClosedShadow(page, 'redflag-warning', (root) => {
    const alert = root.querySelector('[role="alert"]') as HTMLElement | null;
    if (!alert) return null;
    const section = root.querySelector('section');
    return {
      alert: alert.textContent ?? '',
      reason: root.querySelector('.rf-reason')?.textContent ?? '',
      advice: root.querySelector('.rf-advice')?.textContent ?? '',
      buttons: [...root.querySelectorAll('button')].map((b) => b.textContent ?? ''),
      visible: alert.getBoundingClientRect().height > 0 && alert.checkVisibility(),
      styled: (() => {
        const level = root.querySelector('.rf-level');
        return level !== null && getComputedStyle(level).textTransform === 'uppercase';
      })(),
      focused: root.activeElement !== null,
      lang: section?.getAttribute('lang') ?? null,
      ariaLabel: section?.getAttribute('aria-label') ?? null,
    };
  });
}

/**
 * Click the banner button whose text (or aria-label) matches `name`, with a real (trusted) mouse click at its centre:
 * the content script ignores script-made clicks on its elements (lib/harden/content-guard.ts).
 */
export async function clickBanner(page: Page, name: string): Promise<void> {
  const box = await inClosedShadow(page, 'redflag-warning', (root, n: string) => {
    const b = [...root.querySelectorAll('button')].find((x) => x.textContent === n || x.getAttribute('aria-label') === n);
    if (!b) return null;
    b.scrollIntoView({ block: 'nearest' });
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, name);
  if (!box) throw new Error(`no banner button "${name}"`);
  await page.mouse.click(box.x, box.y);
}

/** Move keyboard focus to the banner button `name` (then use page.keyboard). */
export async function focusBanner(page: Page, name: string): Promise<void> {
  const ok = await inClosedShadow(page, 'redflag-warning', (root, n: string) => {
    const b = [...root.querySelectorAll('button')].find((x) => x.textContent === n || x.getAttribute('aria-label') === n);
    b?.focus();
    return !!b;
  }, name);
  if (!ok) throw new Error(`no banner button "${name}"`);
}
