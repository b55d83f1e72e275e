/**
 * From a scan report's evidence back to the page: which element each piece of evidence came from, and
 * where its text is inside that element's text nodes. Read-only; the highlighter turns the spans into
 * Ranges for the CSS Custom Highlight API, so the page's DOM is never changed.
 */
import type { Evidence, ScanInput } from '@/lib/engine/types';
import { isHiddenElement } from '@/lib/extract/extract-page';
import type { ScanReport } from './incremental-scanner';

export interface TextSpan {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

export interface EvidenceTarget {
  evidence: Evidence;
  /** The element whose text holds the evidence. */
  scope: Element;
  /** The input string the evidence offsets refer to ('' when unknown: first occurrence is used). */
  value: string;
}

/** The input string an evidence field names ("text", "title", "fields.salary", "messages.3"). */
export function fieldValue(input: ScanInput, field: string): string {
  if (field === 'text') return input.text ?? '';
  if (field === 'title') return input.title ?? '';
  if (field.startsWith('fields.')) return input.fields?.[field.slice(7)] ?? '';
  const m = /^messages\.(\d+)$/.exec(field);
  if (m) return input.messages?.[Number(m[1])]?.text ?? '';
  return '';
}

/** Where each piece of evidence of the report lives in the page (evidence in the URL or links has no place). */
export function evidenceTargets(report: ScanReport, maxPerFinding = 8): EvidenceTarget[] {
  const out: EvidenceTarget[] = [];
  const src = report.source;
  const seen = new Set<string>();
  for (const f of report.verdict.findings) {
    for (const ev of f.evidence.slice(0, maxPerFinding)) {
      // Context words ("job", "salary") are part of the explanation, not red flags to mark in the page.
      if (ev.context) continue;
      const key = `${ev.field}:${ev.start}:${ev.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let scope: Element | null | undefined = null;
      if (src.kind === 'page' && ev.field === 'text' && src.parts) {
        // A block of several elements: look only in the element the evidence came from.
        const part = src.parts.find((p) => ev.start >= p.start && ev.start < p.end);
        if (part?.el.isConnected) {
          const value = (report.input.text ?? '').slice(part.start, part.end);
          out.push({ evidence: { ...ev, start: ev.start - part.start, end: ev.end - part.start }, scope: part.el, value });
        }
        continue;
      }
      if (src.kind === 'page') {
        scope = ev.field === 'text' ? src.scope : null;
      } else if (src.kind === 'job') {
        const post = src.post;
        if (ev.field === 'text') scope = post.fieldElements.description ?? post.root;
        else if (ev.field === 'title') scope = post.fieldElements.title ?? post.root;
        else if (ev.field.startsWith('fields.')) scope = post.fieldElements[ev.field.slice(7)] ?? post.root;
      } else {
        const m = /^messages\.(\d+)$/.exec(ev.field);
        scope = m ? src.chat.messages[Number(m[1])]?.el : null;
      }
      if (scope?.isConnected) out.push({ evidence: ev, scope, value: fieldValue(report.input, ev.field) });
    }
  }
  return out;
}

function stripWs(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Whitespace as the extractor sees it (ASCII whitespace, NBSP and the Unicode spaces). */
function isWs(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Visible text nodes of `scope`, in document order (same visibility rules as the extractor). */
function textNodes(scope: Element, max = 400_000): Text[] {
  const out: Text[] = [];
  let total = 0;
  const stack: Node[] = [scope];
  while (stack.length > 0 && total < max) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      out.push(n as Text);
      total += (n as Text).data.length;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el !== scope && (isHiddenElement(el) || el.tagName === 'REDFLAG-WARNING')) continue;
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** The scope's visible text without whitespace, with a map back to text nodes. Build once per scope. */
export interface TextIndex {
  flat: string;
  nodes: Text[];
  nodeOf: Int32Array;
  offsetOf: Int32Array;
}

export function indexText(scope: Element): TextIndex {
  const nodes = textNodes(scope);
  let total = 0;
  for (const n of nodes) total += n.data.length;
  const nodeOf = new Int32Array(total);
  const offsetOf = new Int32Array(total);
  const parts: string[] = [];
  let k = 0;
  for (let ni = 0; ni < nodes.length; ni++) {
    const d = nodes[ni]!.data;
    let runStart = -1;
    for (let i = 0; i <= d.length; i++) {
      const ws = i === d.length || isWs(d.charCodeAt(i));
      if (!ws) {
        if (runStart < 0) runStart = i;
        nodeOf[k] = ni;
        offsetOf[k++] = i;
      } else if (runStart >= 0) {
        parts.push(d.slice(runStart, i));
        runStart = -1;
      }
    }
  }
  return { flat: parts.join(''), nodes, nodeOf, offsetOf };
}

/**
 * Find the evidence text inside `scope`, ignoring whitespace differences (the extractor collapses spaces and
 * breaks lines at blocks). When the text occurs several times, the occurrence at the evidence's offset in
 * `value` is chosen. Null when the text is not there (the page changed since the scan). Pass `index` when
 * locating several pieces in the same scope.
 */
export function locateEvidence(target: EvidenceTarget, index: TextIndex = indexText(target.scope)): TextSpan | null {
  const needle = stripWs(target.evidence.text);
  if (!needle) return null;
  let occurrence = 0;
  if (target.value) {
    const before = stripWs(target.value.slice(0, target.evidence.start));
    const whole = stripWs(target.value);
    for (let i = whole.indexOf(needle); i >= 0 && i < before.length; i = whole.indexOf(needle, i + 1)) occurrence++;
  }
  const { flat, nodes, nodeOf, offsetOf } = index;
  let at = flat.indexOf(needle);
  for (let k = 0; k < occurrence && at >= 0; k++) {
    const next = flat.indexOf(needle, at + 1);
    if (next < 0) break;
    at = next;
  }
  if (at < 0) return null;
  const last = at + needle.length - 1;
  return {
    startNode: nodes[nodeOf[at]!]!,
    startOffset: offsetOf[at]!,
    endNode: nodes[nodeOf[last]!]!,
    endOffset: offsetOf[last]! + 1,
  };
}
