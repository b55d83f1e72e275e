/**
 * Splits a big page into blocks of at most `max` characters of text (groups of sibling elements), so the
 * first scan of a heavy page runs as several short units instead of one long task. Small pages are one block.
 */

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD', 'REDFLAG-WARNING', 'REDFLAG-MARKER']);

/** Text length of an element (textContent: no layout, counts hidden text too; only used to size blocks). */
const size = (el: Element) => (el.textContent ?? '').length;

export function pageChunks(root: Element, max: number): Element[][] {
  const groups: Element[][] = [];
  let current: Element[] = [];
  let length = 0;
  const flush = () => {
    if (current.length > 0) groups.push(current);
    current = [];
    length = 0;
  };
  // Explicit stack of parents whose children still need grouping (no recursion on deep trees).
  const visit = (parent: Element) => {
    const kids = parent.children;
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i]!;
      if (SKIP.has(child.tagName.toUpperCase())) continue;
      const n = size(child);
      if (n === 0) continue;
      if (n > max && child.children.length > 0) {
        flush();
        visit(child);
        flush();
        continue;
      }
      if (length + n > max) flush();
      current.push(child);
      length += n;
    }
  };
  visit(root);
  flush();
  return groups;
}

/**
 * Up to `max` characters of the page's text, read from its first text nodes (no layout, no full-page string):
 * a cheap sample, e.g. to warm the engine up on the page's own language and script before the real scan.
 */
export function pageSample(root: Element, max: number): string {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let out = '';
  for (let n = walker.nextNode(); n && out.length < max; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && SKIP.has(parent.tagName.toUpperCase())) continue;
    const t = n.nodeValue?.trim();
    if (t) out += (out ? ' ' : '') + t.slice(0, max - out.length);
  }
  return out;
}
