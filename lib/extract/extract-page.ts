/**
 * Generic page extraction: title, URL, the visible text of the page and its links, as an engine input.
 * Runs in the content script on the live DOM, and in unit tests on a parsed document.
 * Never modifies the page; never throws on odd markup.
 */
import type { ScanInput } from '@/lib/engine/types';

export interface ExtractOptions {
  /** Stop collecting text after this many characters. */
  maxChars?: number;
  /** Keep at most this many distinct links. */
  maxLinks?: number;
  /** The page URL (default: the document's own location). */
  url?: string;
}

export interface ExtractedPage {
  title: string;
  url: string;
  text: string;
  links: string[];
  /** True when `maxChars` cut the text short. */
  truncated: boolean;
}

export const DEFAULT_MAX_CHARS = 300_000;
export const DEFAULT_MAX_LINKS = 500;

/** Elements whose content is never visible text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED',
  'VIDEO', 'AUDIO', 'HEAD', 'META', 'LINK', 'SELECT', 'OPTION', 'DATALIST', 'REDFLAG-WARNING',
]);

/** Elements after which the visible text breaks the line, so phrases do not run across blocks. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'BUTTON', 'LABEL',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** True when the element and its subtree are not shown to a sighted reader (or hidden from assistive tech). */
export function isHiddenElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.tagName.toUpperCase() === 'INPUT' && el.getAttribute('type') === 'hidden') return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  // Live DOM: ask the browser (covers stylesheets, `content-visibility`, closed <details>).
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function' && el.isConnected) {
    return !check.call(el, { visibilityProperty: true, contentVisibilityAuto: false });
  }
  return false;
}

/**
 * Collect visible text with an explicit stack (no recursion: deep DOMs cannot overflow the call stack).
 * Whitespace runs collapse to one space; block boundaries become newlines.
 */
function collectText(root: Node, maxChars: number): { text: string; truncated: boolean } {
  const parts: string[] = [];
  let length = 0;
  let truncated = false;
  let pendingBreak = false;
  let pendingSpace = false;

  const push = (raw: string) => {
    const collapsed = raw.replace(/\s+/g, ' ');
    if (collapsed === ' ' || collapsed === '') {
      if (collapsed === ' ') pendingSpace = true;
      return;
    }
    let chunk = collapsed;
    const startsWithSpace = chunk.startsWith(' ');
    const endsWithSpace = chunk.endsWith(' ');
    chunk = chunk.trim();
    if (length > 0) {
      if (pendingBreak) chunk = '\n' + chunk;
      else if (pendingSpace || startsWithSpace) chunk = ' ' + chunk;
    }
    pendingBreak = false;
    pendingSpace = endsWithSpace;
    if (length + chunk.length > maxChars) {
      chunk = chunk.slice(0, Math.max(0, maxChars - length));
      truncated = true;
    }
    parts.push(chunk);
    length += chunk.length;
  };

  // Stack entries: a node to visit, or a marker that a block element has ended.
  const stack: Array<Node | 'break'> = [root];
  while (stack.length > 0 && !truncated) {
    const item = stack.pop()!;
    if (item === 'break') {
      pendingBreak = true;
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      push(item.nodeValue ?? '');
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
    if (item.nodeType === ELEMENT_NODE) {
      const el = item as Element;
      if (item !== root && isHiddenElement(el)) continue;
      const tag = el.tagName.toUpperCase();
      if (tag === 'IMG') {
        const alt = el.getAttribute('alt');
        if (alt) push(` ${alt} `);
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        pendingBreak = true;
        stack.push('break');
      }
    }
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { text: parts.join(''), truncated };
}

function collectLinks(doc: Document, baseUrl: string, maxLinks: number): string[] {
  const seen = new Set<string>();
  const anchors = doc.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length && seen.size < maxLinks; i++) {
    const href = anchors[i]!.getAttribute('href');
    if (!href) continue;
    let resolved: URL;
    try {
      resolved = new URL(href, baseUrl);
    } catch {
      continue;
    }
    // Keep only links that go somewhere: web pages and messenger/phone/mail handles.
    if (!/^(?:https?|tg|whatsapp|viber|mailto|tel|sms):$/.test(resolved.protocol)) continue;
    seen.add(resolved.href);
  }
  return [...seen];
}

export function extractPage(doc: Document, options: ExtractOptions = {}): ExtractedPage {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const maxLinks = options.maxLinks ?? DEFAULT_MAX_LINKS;
  const url = options.url ?? doc.location?.href ?? doc.URL ?? '';
  const title = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  const root = doc.body ?? doc.documentElement;
  const { text, truncated } = root ? collectText(root, maxChars) : { text: '', truncated: false };
  const links = collectLinks(doc, url || 'http://invalid.invalid/', maxLinks);
  return { title, url, text, links, truncated };
}

/** The engine input for a generic page. */
export function pageScanInput(page: ExtractedPage): ScanInput {
  return {
    surface: 'page',
    title: page.title,
    url: page.url,
    text: page.text,
    links: page.links,
  };
}
