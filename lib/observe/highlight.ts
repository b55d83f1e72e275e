/**
 * Evidence highlighting with the CSS Custom Highlight API: the page's DOM is not changed (no wrapper
 * elements); the style is a constructed stylesheet adopted by the document. Where the API is missing
 * (older browsers) highlighting is silently skipped.
 */
import { evidenceTargets, indexText, locateEvidence, type TextIndex } from './evidence';
import type { ScanReport } from './incremental-scanner';

export const HIGHLIGHT_NAME = 'redflag-evidence';

const CSS_TEXT = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgb(255 213 79 / 0.75); color: #1a1a1a; text-decoration: underline 2px solid #b00020; }`;

type HighlightCtor = new (...ranges: AbstractRange[]) => { readonly size: number };
interface HighlightEnv {
  CSS?: { highlights?: Map<string, unknown> };
  Highlight?: HighlightCtor;
  CSSStyleSheet?: typeof CSSStyleSheet;
}

export function highlightSupported(win: Window): boolean {
  const w = win as unknown as HighlightEnv;
  return typeof w.Highlight === 'function' && !!w.CSS?.highlights;
}

let sheet: CSSStyleSheet | null = null;

function adoptStyle(doc: Document): void {
  const w = doc.defaultView as unknown as HighlightEnv | null;
  if (!w?.CSSStyleSheet || !('adoptedStyleSheets' in doc)) return;
  if (!sheet) {
    sheet = new w.CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT);
  }
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/** Highlight the report's evidence in the page; returns how many pieces were found. Replaces earlier highlights. */
export function highlightEvidence(doc: Document, report: ScanReport): number {
  const win = doc.defaultView;
  if (!win || !highlightSupported(win)) return 0;
  const ranges: Range[] = [];
  const indexes = new Map<Element, TextIndex>();
  for (const target of evidenceTargets(report)) {
    let index = indexes.get(target.scope);
    if (!index) indexes.set(target.scope, (index = indexText(target.scope)));
    const span = locateEvidence(target, index);
    if (!span) continue;
    const range = doc.createRange();
    range.setStart(span.startNode, span.startOffset);
    range.setEnd(span.endNode, span.endOffset);
    ranges.push(range);
  }
  const env = win as unknown as Required<HighlightEnv>;
  if (ranges.length === 0) {
    env.CSS.highlights!.delete(HIGHLIGHT_NAME);
    return 0;
  }
  adoptStyle(doc);
  env.CSS.highlights!.set(HIGHLIGHT_NAME, new env.Highlight(...ranges));
  return ranges.length;
}

export function clearHighlights(doc: Document): void {
  const win = doc.defaultView;
  if (win && highlightSupported(win)) (win as unknown as Required<HighlightEnv>).CSS.highlights!.delete(HIGHLIGHT_NAME);
}
