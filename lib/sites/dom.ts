/**
 * Small, defensive DOM helpers shared by the site adapters. Read-only: nothing here writes to the page.
 * Every helper tolerates missing nodes and invalid selectors (returns null / empty instead of throwing).
 */
import { isHiddenElement } from '@/lib/extract/extract-page';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** True when `url`'s host is `domain` or one of its subdomains. */
export function hostIs(url: URL, domain: string): boolean {
  const host = url.hostname.toLowerCase();
  return host === domain || host.endsWith('.' + domain);
}

/** querySelector that never throws (an invalid selector just misses). */
export function query(root: ParentNode | null | undefined, selector: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** querySelectorAll as an array; never throws. */
export function queryAll(root: ParentNode | null | undefined, selector: string): Element[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The first element matched by the first selector that matches anything (selectors in order of preference). */
export function first(root: ParentNode | null | undefined, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = query(root, s);
    if (el) return el;
  }
  return null;
}

/** Element.closest that never throws. */
export function closest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

/** Element.matches that never throws. */
export function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

const BLOCK = /^(?:ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;

/**
 * Visible text of an element: whitespace runs collapse to one space, block elements break lines,
 * hidden subtrees are skipped. Iterative (deep trees cannot overflow the stack), stops at `maxChars`.
 */
export function textOf(el: Element | null | undefined, maxChars = 50_000, skip?: string): string {
  if (!el) return '';
  let out = '';
  const stack: Array<Node | null> = [el];
  while (stack.length > 0 && out.length < maxChars) {
    const node = stack.pop();
    if (node === null) {
      if (out && !out.endsWith('\n')) out = out.replace(/ $/, '') + '\n';
      continue;
    }
    if (!node) continue;
    if (node.nodeType === TEXT_NODE) {
      const t = (node.nodeValue ?? '').replace(/\s+/g, ' ');
      if (t === ' ') {
        if (out && !/\s$/.test(out)) out += ' ';
      } else if (t) {
        out += out === '' || /\s$/.test(out) ? t.replace(/^ /, '') : t;
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const child = node as Element;
    if (child !== el && (isHiddenElement(child) || (skip !== undefined && matches(child, skip)))) continue;
    const tag = child.tagName.toUpperCase();
    if (tag === 'IMG') {
      const alt = child.getAttribute('alt');
      if (alt && !/\s$/.test(out) && out) out += ' ';
      if (alt) out += alt + ' ';
      continue;
    }
    const block = BLOCK.test(tag);
    if (block) stack.push(null);
    const kids = child.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    if (block && out && !out.endsWith('\n')) out = out.replace(/ $/, '') + '\n';
  }
  return out.slice(0, maxChars).replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{2,}/g, '\n').trim();
}

/** Text of the first matching element, on one line; '' when nothing matches. */
export function fieldText(root: ParentNode | null | undefined, selectors: readonly string[]): { text: string; el: Element | null } {
  const el = first(root, selectors);
  return { text: el ? textOf(el, 2_000).replace(/\s+/g, ' ').trim() : '', el };
}

/** 32-bit FNV-1a hash as 8 hex digits (keys for postings without an id). */
export function hashKey(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** http(s) and messenger/phone/mail links inside `root`, resolved against `base`, de-duplicated. */
export function linksIn(root: ParentNode, base: string, max = 100): string[] {
  const seen = new Set<string>();
  for (const a of queryAll(root, 'a[href]')) {
    if (seen.size >= max) break;
    const href = a.getAttribute('href');
    if (!href) continue;
    try {
      const u = new URL(href, base);
      if (/^(?:https?|tg|whatsapp|viber|mailto|tel|sms):$/.test(u.protocol)) seen.add(u.href);
    } catch {
      // not a URL: skip
    }
  }
  return [...seen];
}
