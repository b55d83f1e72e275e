/**
 * The incremental scanner on parsed fixture pages (linkedom), with the shipped engine: one full scan,
 * then only what the page adds; floods fall back to one rescan; hidden tabs and aborted contexts do nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage, pageScanInput } from '@/lib/extract/extract-page';
import { startIncrementalScanner, type ScanReport } from '@/lib/observe/incremental-scanner';
import { getShippedEngine } from '@/lib/shipped-engine';
import type { ScanInput } from '@/lib/engine/types';
import { evidenceTargets, locateEvidence } from '@/lib/observe/evidence';
import { parsedDoc, sleep } from './parsed-doc';

const DIR = resolve(import.meta.dirname, '../../e2e/sites/adapters');
const LURE =
  'We need an English typist to work overseas, high salary $2,000 per month, no experience needed. ' +
  'Free air ticket and free accommodation. Come on a tourist visa, the company arranges the work permit after you arrive.';

const load = parsedDoc;

function start(doc: Document, url: string, extra: { hugeCount?: number; debounceMs?: number; blockChars?: number; singleScanChars?: number } = {}) {
  const engine = getShippedEngine();
  const reports: ScanReport[] = [];
  const scanned: ScanInput[] = [];
  const controller = new AbortController();
  const scanner = startIncrementalScanner({
    doc,
    signal: controller.signal,
    url: () => url,
    scan: (input) => {
      scanned.push(input);
      return engine.scan(input);
    },
    pageInput: (d) => pageScanInput(extractPage(d)),
    onReport: (r) => reports.push(r),
    debounceMs: 20,
    ...extra,
  });
  return { scanner, reports, scanned, controller };
}

describe('generic pages', () => {
  it('scans the page once, then only the blocks the page adds', async () => {
    const { doc } = load('<html><head><title>Forum</title></head><body><main><p>Welcome to the community board. Be kind.</p></main></body></html>');
    const { scanner, reports, scanned } = start(doc, 'https://forum.example/t/1');
    await scanner.idle();
    expect(reports.at(-1)?.verdict.warn).toBe(false);
    expect(scanned).toHaveLength(1);
    const post = doc.createElement('article');
    const p = doc.createElement('p');
    p.textContent = LURE;
    post.append(p);
    doc.querySelector('main')!.append(post);
    await sleep(10);
    await scanner.idle();
    const last = reports.at(-1)!;
    expect(last.verdict.warn).toBe(true);
    expect(last.source).toEqual({ kind: 'page', scope: post });
    // The second scan saw only the new block, not the whole page again.
    expect(scanned).toHaveLength(2);
    expect(scanned[1]!.text).toBe(LURE);
    expect(scanner.stats).toMatchObject({ fullScans: 1, incrementalScans: 1, floods: 0, mode: 'generic' });
  });

  it('scans a heavy page in blocks, one unit each, and reports the block that warns', async () => {
    const filler = 'Ordinary news about the weather, sports and the city council. '.repeat(120);
    const sections = Array.from({ length: 5 }, (_, i) => `<section id="s${i}"><p>${i === 3 ? LURE : ''} ${filler}</p></section>`).join('');
    const { doc } = load(`<html><head><title>Big</title></head><body><main>${sections}</main></body></html>`);
    const { scanner, reports, scanned } = start(doc, 'https://big.example/', { blockChars: 10_000, singleScanChars: 10_000 });
    await scanner.idle();
    expect(scanned).toHaveLength(5);
    expect(scanned.every((i) => (i.text ?? '').length <= 10_000)).toBe(true);
    const last = reports.at(-1)!;
    expect(last.verdict.warn).toBe(true);
    // Evidence is looked up only in the element it came from, not in the whole block.
    const targets = evidenceTargets(last);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) {
      expect(t.scope).toBe(doc.getElementById('s3'));
      expect(locateEvidence(t)).not.toBeNull();
    }
  });

  it('looks up evidence of a multi-element block in its own element', async () => {
    const filler = 'Ordinary news about the weather. '.repeat(40);
    const items = Array.from({ length: 6 }, (_, i) => `<p id="p${i}">${i === 4 ? LURE : filler}</p>`).join('');
    const { doc } = load(`<html><body>${items}<footer>${filler.repeat(8)}</footer></body></html>`);
    const { scanner, reports } = start(doc, 'https://big.example/', { blockChars: 10_000, singleScanChars: 10_000 });
    await scanner.idle();
    const last = reports.at(-1)!;
    expect(last.verdict.warn).toBe(true);
    if (last.source.kind !== 'page') throw new Error('expected a page report');
    expect(last.source.parts?.length).toBeGreaterThan(1);
    for (const t of evidenceTargets(last)) expect(t.scope).toBe(doc.getElementById('p4'));
  });

  it('reports a clean heavy page once, after its last block', async () => {
    const filler = 'Ordinary news about the weather, sports and the city council. '.repeat(120);
    const { doc } = load(`<html><body><main>${`<section><p>${filler}</p></section>`.repeat(4)}</main></body></html>`);
    const { scanner, reports, scanned } = start(doc, 'https://big.example/', { blockChars: 10_000, singleScanChars: 10_000 });
    await scanner.idle();
    expect(scanned).toHaveLength(4);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.verdict.warn).toBe(false);
  });

  it('falls back to one debounced rescan on a flood of mutations', async () => {
    const { doc } = load('<html><body><main><p>Catalogue</p></main></body></html>');
    const { scanner } = start(doc, 'https://shop.example/', { hugeCount: 50 });
    await scanner.idle();
    for (let burst = 0; burst < 3; burst++) {
      const items = Array.from({ length: 60 }, (_, i) => {
        const li = doc.createElement('li');
        li.textContent = `Item ${burst}-${i} with a description long enough`;
        return li;
      });
      doc.querySelector('main')!.append(...items);
      await sleep(1);
    }
    await sleep(60);
    await scanner.idle();
    expect(scanner.stats.floods).toBe(3);
    expect(scanner.stats.fullScans).toBe(2);
    expect(scanner.stats.incrementalScans).toBe(0);
  });

  it('does not scan while the tab is hidden, and nothing at all after the context is gone', async () => {
    const { doc, setVisibility } = load('<html><body><main><p>Quiet page</p></main></body></html>');
    setVisibility('hidden');
    const { scanner, scanned, controller } = start(doc, 'https://quiet.example/');
    await sleep(20);
    expect(scanned).toHaveLength(0);
    setVisibility('visible');
    await scanner.idle();
    expect(scanned).toHaveLength(1);
    controller.abort();
    const p = doc.createElement('p');
    p.textContent = LURE;
    doc.body.append(p);
    await sleep(20);
    expect(scanned).toHaveLength(1);
  });
});

describe('chats', () => {
  it('scans new messages of the open conversation and points at the one that tipped the verdict', async () => {
    const { doc } = load(readFileSync(resolve(DIR, 'whatsapp-benign.html'), 'utf8'));
    const { scanner, reports, scanned } = start(doc, 'https://web.whatsapp.com/');
    await scanner.idle();
    expect(scanner.stats.mode).toBe('chat');
    expect(reports.at(-1)?.verdict.warn).toBe(false);
    const list = doc.querySelector('#main [role="application"]')!;
    const template = list.querySelector('.message-in')!.parentElement!;
    const row = template.cloneNode(true) as Element;
    const msg = row.querySelector('.message-in')!;
    msg.setAttribute('data-id', 'false_85512345678@c.us_NEW1');
    msg.querySelector('.selectable-text span')!.textContent = LURE;
    list.append(row);
    await sleep(10);
    await scanner.idle();
    const last = reports.at(-1)!;
    expect(last.verdict.warn).toBe(true);
    if (last.source.kind !== 'chat') throw new Error('expected a chat report');
    expect(last.source.chat.conversationId).toBe('wa:85512345678@c.us');
    expect(last.source.chat.tip?.el).toBe(msg);
    // The new message was scanned with the conversation, as messages with their direction.
    expect(scanned.at(-1)?.messages?.map((m) => m.from)).toEqual(['them', 'me', 'them']);
  });
});

describe('job feeds', () => {
  it('reads a post added to the feed as a job post, and not the posts already read', async () => {
    const { doc } = load(readFileSync(resolve(DIR, 'facebook-group.html'), 'utf8'));
    // Start from a feed without the lure post.
    const lurePost = doc.querySelector('[aria-labelledby="h-222000222"]')!.parentElement!;
    lurePost.remove();
    const { scanner, reports, scanned } = start(doc, 'https://www.facebook.com/groups/1234567890/');
    await scanner.idle();
    expect(scanner.stats.mode).toBe('job');
    expect(scanned).toHaveLength(2);
    expect(reports.at(-1)?.verdict.warn).toBe(false);
    doc.querySelector('[role="feed"]')!.append(lurePost);
    await sleep(100);
    await scanner.idle();
    expect(scanned).toHaveLength(3);
    expect(scanned[2]!.surface).toBe('job_post');
    const last = reports.at(-1)!;
    expect(last.verdict.warn).toBe(true);
    if (last.source.kind !== 'job') throw new Error('expected a job report');
    expect(last.source.post.key).toBe('facebook:222000222');
  });
});
