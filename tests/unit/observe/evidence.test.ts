/** Evidence back to the page: the element each piece came from and its exact text nodes/offsets. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/lib/extract/extract-page';
import { evidenceTargets, locateEvidence, type TextSpan } from '@/lib/observe/evidence';
import type { ScanReport } from '@/lib/observe/incremental-scanner';
import { getShippedEngine } from '@/lib/shipped-engine';
import { readSite } from '@/lib/sites/registry';
import { parsedDoc } from './parsed-doc';

/** The page text a span covers (whitespace as in the page). */
function spanText(span: TextSpan): string {
  if (span.startNode === span.endNode) return span.startNode.data.slice(span.startOffset, span.endOffset);
  let out = span.startNode.data.slice(span.startOffset);
  let node: Node | null = span.startNode;
  // Walk forward through the document to the end node.
  while (node && node !== span.endNode) {
    if (node.firstChild) node = node.firstChild;
    else {
      while (node && !node.nextSibling) node = node.parentNode;
      node = node?.nextSibling ?? null;
    }
    if (node && node.nodeType === 3) out += node === span.endNode ? (node as Text).data.slice(0, span.endOffset) : (node as Text).data;
  }
  return out;
}

describe('locateEvidence', () => {
  it('finds text split across elements and picks the occurrence at the evidence offset', () => {
    const { doc } = parsedDoc('<html><body><main><p id="a">Free <b>air</b>\n  ticket!</p><p id="b">Also a free air ticket here</p></main></body></html>');
    const scope = doc.querySelector('main')!;
    const value = 'Free air ticket!\nAlso a free air ticket here';
    const first = locateEvidence({ scope, value, evidence: { text: 'Free air ticket', start: 0, end: 15, field: 'text' } });
    expect(first && spanText(first)).toBe('Free air\n  ticket');
    expect(first?.startNode.parentElement?.id).toBe('a');
    const second = locateEvidence({ scope, value, evidence: { text: 'free air ticket', start: 24, end: 39, field: 'text' } });
    expect(second?.startNode.parentElement?.id).toBe('b');
    expect(second && spanText(second)).toBe('free air ticket');
  });

  it('returns null when the text is gone, and skips hidden text', () => {
    const { doc } = parsedDoc('<html><body><main><p hidden>free visa</p><p>nothing here</p></main></body></html>');
    const scope = doc.querySelector('main')!;
    expect(locateEvidence({ scope, value: '', evidence: { text: 'free visa', start: 0, end: 9, field: 'text' } })).toBeNull();
  });
});

describe('evidenceTargets', () => {
  it('maps chat evidence to the message elements and finds every piece there', () => {
    const { doc } = parsedDoc(readFileSync(resolve(import.meta.dirname, '../../e2e/sites/adapters/whatsapp.html'), 'utf8'));
    const read = readSite(doc, 'https://web.whatsapp.com/');
    if (read.mode !== 'chat') throw new Error('expected chat');
    const input = { surface: 'chat' as const, messages: read.messages.map((m) => ({ from: m.from, text: m.text })) };
    const verdict = getShippedEngine().scan(input);
    expect(verdict.warn).toBe(true);
    const report: ScanReport = {
      verdict, input, mode: 'chat', adapter: read.adapter,
      source: { kind: 'chat', chat: { conversationId: read.conversationId, verdict, input, tip: null, messages: read.messages } },
    };
    const targets = evidenceTargets(report);
    expect(targets.length).toBeGreaterThan(2);
    for (const t of targets) {
      expect(read.messages.map((m) => m.el)).toContain(t.scope);
      const span = locateEvidence(t);
      expect(span && spanText(span).replace(/\s+/g, ' ')).toBe(t.evidence.text.replace(/\s+/g, ' '));
    }
  });

  it('leaves out context evidence (words a rule needs that are not red flags, such as "job" or "salary")', () => {
    const { doc } = parsedDoc(readFileSync(resolve(import.meta.dirname, '../../e2e/sites/job-typist.html'), 'utf8'));
    const input = { surface: 'page' as const, text: extractPage(doc).text };
    const verdict = getShippedEngine().scan(input);
    const context = verdict.findings.flatMap((f) => f.evidence.filter((e) => e.context).map((e) => e.text.toLowerCase()));
    expect(context).toEqual(expect.arrayContaining(['job', 'salary']));
    const report = { verdict, input, mode: 'page', adapter: 'generic', source: { kind: 'page', scope: doc.body } } as unknown as ScanReport;
    const targets = evidenceTargets(report);
    expect(targets.length).toBeGreaterThan(3);
    expect(targets.some((t) => t.evidence.context)).toBe(false);
    expect(targets.map((t) => t.evidence.text.toLowerCase())).toEqual(expect.arrayContaining(['tourist visa is fine', 'sihanoukville']));
  });

  it('maps job evidence to the field elements it was read from', () => {
    const { doc } = parsedDoc(readFileSync(resolve(import.meta.dirname, '../../e2e/sites/adapters/indeed.html'), 'utf8'));
    const read = readSite(doc, 'https://www.indeed.com/viewjob?jk=a1b2c3d4e5f60718');
    if (read.mode !== 'job') throw new Error('expected job');
    const post = read.posts[0]!;
    const verdict = getShippedEngine().scan(post.input);
    const report: ScanReport = { verdict, input: post.input, mode: 'job', adapter: read.adapter, source: { kind: 'job', post } };
    const targets = evidenceTargets(report);
    expect(targets.length).toBeGreaterThan(2);
    for (const t of targets) {
      if (t.evidence.field === 'text') expect(t.scope).toBe(doc.getElementById('jobDescriptionText'));
      // The contact field here was derived from a link's href: not page text, nothing to highlight.
      const derived = t.evidence.field === 'fields.contact' && !post.fieldElements.contact;
      if (!derived) expect(locateEvidence(t), `${t.evidence.field}: ${t.evidence.text}`).not.toBeNull();
    }
  });
});
