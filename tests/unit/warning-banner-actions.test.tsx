/** The banner's localized labels and its optional actions: Trust this site (with durations) and the highlight switch. */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '@/lib/engine/types';
import type { TrustDuration } from '@/lib/settings/settings-model';
import { englishLabels, WarningBanner } from '@/lib/ui/warning-banner';
import { fakeJobVerdict, lureFinding } from './fixtures/verdicts';

const verdict: Verdict = fakeJobVerdict([{ ...lureFinding('free air ticket', 'Overseas typing job with free flights'), rule: 'lure' }]);

let container: HTMLElement;
let win: typeof globalThis;
beforeEach(() => {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  (globalThis as { document?: unknown }).document = document;
  win = window as unknown as typeof globalThis;
  container = document.getElementById('root') as unknown as HTMLElement;
});
afterEach(() => {
  render(null, container);
  delete (globalThis as { document?: unknown }).document;
});

const buttons = () => [...container.querySelectorAll('button')];
const click = (label: string) => {
  const b = buttons().find((x) => x.textContent === label);
  if (!b) throw new Error(`no button ${label}: ${buttons().map((x) => x.textContent).join(', ')}`);
  b.dispatchEvent(new win.Event('click', { bubbles: true }));
};

describe('WarningBanner actions', () => {
  it('renders the caller’s localized labels and language', () => {
    const labels = { ...englishLabels(verdict), headline: 'នេះហាក់ដូចជាការផ្តល់ការងារក្លែងក្លាយ', details: 'ព័ត៌មានលម្អិត', region: 'ការព្រមាន' };
    render(<WarningBanner verdict={verdict} labels={labels} lang="km" onDismiss={() => {}} onDetails={() => {}} />, container);
    const section = container.querySelector('section')!;
    expect(section.getAttribute('lang')).toBe('km');
    expect(section.getAttribute('aria-label')).toBe('ការព្រមាន');
    expect(container.querySelector('.rf-headline')!.textContent).toBe('នេះហាក់ដូចជាការផ្តល់ការងារក្លែងក្លាយ');
    expect(buttons()[0]!.textContent).toBe('ព័ត៌មានលម្អិត');
  });

  it('asks how long to trust the site, and can be cancelled', () => {
    const trusted: TrustDuration[] = [];
    let trusting = false;
    const draw = () =>
      render(
        <WarningBanner verdict={verdict} onDismiss={() => {}} onDetails={() => {}} onTrust={(d) => trusted.push(d)} trusting={trusting} onTrustMenu={(open) => { trusting = open; draw(); }} />,
        container,
      );
    draw();
    expect(buttons().map((b) => b.textContent)).toEqual(['Details', 'Trust this site', 'Dismiss']);
    click('Trust this site');
    expect(buttons().map((b) => b.textContent)).toEqual(['For 1 hour', 'For 1 day', 'Always', 'Cancel']);
    click('Cancel');
    expect(buttons().map((b) => b.textContent)).toEqual(['Details', 'Trust this site', 'Dismiss']);
    click('Trust this site');
    click('For 1 day');
    expect(trusted).toEqual(['day']);
    // The banner also tells people how to tell a real warning from a page's imitation.
    expect(container.querySelector('.rf-note')!.textContent).toContain('toolbar icon');
  });

  it('offers the highlight switch with the label of what it will do', () => {
    let toggles = 0;
    const draw = (on: boolean) => render(<WarningBanner verdict={verdict} onDismiss={() => {}} onDetails={() => {}} highlights={{ on, toggle: () => toggles++ }} />, container);
    draw(true);
    click('Hide highlights');
    expect(toggles).toBe(1);
    draw(false);
    expect(buttons().map((b) => b.textContent)).toContain('Show highlights');
  });
});
