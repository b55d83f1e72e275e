/**
 * What the user sees, on parsed pages with the shipped engine: banner per delivery mode, a banner the page
 * removes comes back, a dismissed one stays away until navigation, chats get the inline marker.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage, pageScanInput } from '@/lib/extract/extract-page';
import type { Verdict } from '@/lib/engine/types';
import type { ScanReport } from '@/lib/observe/incremental-scanner';
import { MARKER_HOST } from '@/lib/observe/chat-marker';
import { startPageProtection, type DeliveryMode } from '@/lib/observe/page-protection';
import { getShippedEngine } from '@/lib/shipped-engine';
import { parsedDoc, sleep } from './parsed-doc';

const fixture = (f: string) => readFileSync(resolve(import.meta.dirname, '../../e2e/sites/adapters', f), 'utf8');

function protect(html: string, url: string, mode: DeliveryMode = 'banner') {
  const { doc } = parsedDoc(html);
  Object.defineProperty(doc, 'location', { value: new URL(url), configurable: true });
  const engine = getShippedEngine();
  const reports: ScanReport[] = [];
  let mounts = 0;
  let dismiss: (() => void) | null = null;
  const controller = new AbortController();
  const protection = startPageProtection({
    doc,
    signal: controller.signal,
    scan: (i) => engine.scan(i),
    pageInput: (d) => pageScanInput(extractPage(d)),
    report: (r) => reports.push(r),
    delivery: (v: Verdict) => (v.warn ? mode : 'none'),
    showBanner: (_r, onDismiss) => {
      mounts++;
      dismiss = onDismiss;
      const host = doc.createElement('redflag-warning');
      doc.body.append(host);
      return { get connected() { return host.isConnected; }, remove: () => host.remove() };
    },
    highlight: () => true,
    markerText: () => ({ label: 'Possible fake job offer', description: 'Free travel for an online job abroad' }),
    onDetails: () => {},
    debounceMs: 20,
  });
  const settle = async () => {
    await sleep(5);
    await protection.scanner.idle();
    await sleep(150);
  };
  return { doc, protection, reports, mounts: () => mounts, dismiss: () => dismiss?.(), settle, controller };
}

describe('page protection', () => {
  it('shows the banner on a warning page and brings it back when the page removes it', async () => {
    const p = protect(fixture('indeed.html'), 'https://www.indeed.com/viewjob?jk=a1b2c3d4e5f60718');
    await p.settle();
    expect(p.reports.at(-1)?.verdict.warn).toBe(true);
    expect(p.protection.shown).toMatchObject({ banner: true, delivery: 'banner' });
    expect(p.mounts()).toBe(1);
    p.doc.querySelector('redflag-warning')!.remove();
    await p.settle();
    expect(p.mounts()).toBe(2);
    expect(p.doc.querySelectorAll('redflag-warning')).toHaveLength(1);
  });

  it('keeps a dismissed banner away until the location changes', async () => {
    const p = protect(fixture('indeed.html'), 'https://www.indeed.com/viewjob?jk=a1b2c3d4e5f60718');
    await p.settle();
    p.dismiss();
    expect(p.doc.querySelector('redflag-warning')).toBeNull();
    const extra = p.doc.createElement('p');
    extra.textContent = 'Apply today, limited places for the typist role.';
    p.doc.querySelector('#jobDescriptionText')!.append(extra);
    await p.settle();
    expect(p.doc.querySelector('redflag-warning')).toBeNull();
    p.protection.reset();
    await p.settle();
    expect(p.doc.querySelector('redflag-warning')).not.toBeNull();
  });

  it('reports but shows nothing in the page in badge-only mode', async () => {
    const p = protect(fixture('linkedin-jobs.html'), 'https://www.linkedin.com/jobs/view/3900000001/', 'badge');
    await p.settle();
    expect(p.reports.at(-1)?.verdict.warn).toBe(true);
    expect(p.protection.shown).toMatchObject({ banner: false, marker: false, delivery: 'badge' });
    expect(p.mounts()).toBe(0);
  });

  it('marks the chat message that tipped the verdict, outside the chat app tree', async () => {
    const p = protect(fixture('telegram-a.html'), 'https://web.telegram.org/a/#7012345678');
    await p.settle();
    const r = p.reports.at(-1)!;
    if (r.source.kind !== 'chat') throw new Error('expected a chat report');
    expect(r.source.chat.tip?.el.id).toMatch(/^message-[2-6]$/);
    expect(p.protection.shown.marker).toBe(true);
    const marker = p.doc.querySelector(MARKER_HOST);
    expect(marker?.parentElement).toBe(p.doc.documentElement);
    expect(p.doc.body.querySelector(MARKER_HOST)).toBeNull();
    p.controller.abort();
    expect(p.doc.querySelector(MARKER_HOST)).toBeNull();
  });
});
