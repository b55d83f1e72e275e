import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleInfo, Verdict } from '@/lib/engine/types';
import { fakeJobVerdict, lureFinding } from './fixtures/verdicts';
import type { TabVerdict } from '@/lib/storage/tab-verdicts';
import { VerdictDetails } from '@/lib/ui/verdict-details';
import { WarningBanner } from '@/lib/ui/warning-banner';

const HOSTILE = '<img src=x onerror="alert(1)"><b>Telegram</b>';

const verdict: Verdict = fakeJobVerdict([
  { ...lureFinding(HOSTILE, 'Overseas typing job with free flights'), rule: 'lure' },
  { rule: 'unknown-rule', type: 'fake_job', level: 'medium', message: 'Contact only on Telegram', weight: 2, evidence: [] },
]);

const info: RuleInfo = {
  id: 'lure',
  title: 'Overseas office job with free travel',
  type: 'fake_job',
  role: 'detect',
  level: 'high',
  description: 'd',
  why: 'Traffickers promise free flights.',
  advice: 'Do not travel; check the company.',
  references: ['src-a', 'src-missing'],
  falsePositives: ['fp'],
};

let container: HTMLElement;
beforeEach(() => {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  (globalThis as { document?: unknown }).document = document;
  container = document.getElementById('root') as unknown as HTMLElement;
});
afterEach(() => {
  render(null, container);
  delete (globalThis as { document?: unknown }).document;
});

const record: TabVerdict = { tabId: 1, url: 'https://jobs.example/', title: 'Jobs', time: 1, verdict };

describe('VerdictDetails', () => {
  it('lists each finding with title, quoted evidence, why, advice and sources', () => {
    render(
      <VerdictDetails
        record={record}
        rule={(id) => (id === 'lure' ? info : undefined)}
        source={(id) => (id === 'src-a' ? { id, title: 'UNODC report', url: 'https://unodc.example/' } : undefined)}
      />,
      container,
    );
    const findings = container.querySelectorAll('article.finding');
    expect(findings).toHaveLength(2);
    const first = findings[0]!;
    expect(first.querySelector('h3')!.textContent).toContain(info.title);
    expect(first.querySelector('.why')!.textContent).toBe(info.why);
    expect(first.querySelector('.advice')!.textContent).toBe(info.advice);
    const links = first.querySelectorAll('.sources a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://unodc.example/');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toContain('noopener');
    expect(first.querySelectorAll('.sources li')[1]!.textContent).toBe('src-missing');
    expect(first.querySelector('details.sources-box')!.hasAttribute('open')).toBe(false);
    // A rule missing from the pack still shows its message.
    expect(findings[1]!.querySelector('h3')!.textContent).toContain('Contact only on Telegram');
  });

  it('renders page-controlled evidence as text, never as markup', () => {
    render(<VerdictDetails record={record} rule={() => info} source={() => undefined} />, container);
    expect(container.querySelector('.quote')!.textContent).toBe(HOSTILE);
    expect(container.querySelectorAll('img, b')).toHaveLength(0);
  });

  it('says when only the address has been checked (the early verdict of a page still loading)', () => {
    render(<VerdictDetails record={record} rule={() => info} source={() => undefined} />, container);
    expect(container.querySelector('.verdict-early')).toBeNull();
    render(<VerdictDetails record={{ ...record, early: true }} rule={() => info} source={() => undefined} />, container);
    expect(container.querySelector('.verdict-early')!.textContent).toContain('only its address');
  });

  it('says there is no warning when the tab has no warning verdict', () => {
    render(<VerdictDetails record={{ ...record, verdict: { ...verdict, warn: false } }} rule={() => info} source={() => undefined} />, container);
    expect(container.querySelector('h2')!.textContent).toBe('No warning on this page');
    expect(container.querySelectorAll('article.finding')).toHaveLength(0);
    render(<VerdictDetails record={null} rule={() => info} source={() => undefined} />, container);
    expect(container.textContent).toContain('has not scanned this page');
  });
});

describe('WarningBanner', () => {
  it('names the type, the top reason and the advice, with Details and Dismiss buttons', () => {
    let dismissed = 0;
    let details = 0;
    render(<WarningBanner verdict={verdict} advice={info.advice} onDismiss={() => dismissed++} onDetails={() => details++} />, container);
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('This looks like a fake job offer');
    expect(alert.querySelector('.rf-reason')!.textContent).toBe('Overseas typing job with free flights');
    expect(alert.querySelector('.rf-advice')!.textContent).toBe(`What to do: ${info.advice}`);
    const buttons = [...container.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Details', 'Dismiss']);
    const [detailsButton, dismissButton] = [...container.querySelectorAll('button')];
    detailsButton!.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true }));
    expect([details, dismissed]).toEqual([1, 0]);
    dismissButton!.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true }));
    expect([details, dismissed]).toEqual([1, 1]);
  });

  it('renders nothing for a verdict that does not warn', () => {
    render(<WarningBanner verdict={{ ...verdict, warn: false }} onDismiss={() => {}} onDetails={() => {}} />, container);
    expect(container.innerHTML).toBe('');
  });
});
