/** The popup (and, with `?tab=ID`, the full-page Details view): the current tab's verdict, kept live. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Engine } from '@/lib/engine/types';
import { getTabVerdict, watchTabVerdict, type TabVerdict } from '@/lib/storage/tab-verdicts';
import type { SourceLink } from '@/lib/ui/sources';
import { VerdictDetails } from '@/lib/ui/verdict-details';
import { ruleTexts } from '@/lib/i18n/i18n';
import { PopupActions } from '@/lib/report/popup-actions';
import { usePageSettings } from '@/lib/settings/use-settings';

/** The tab to explain: `?tab=ID` (Details page) or the active tab of the current window (toolbar popup). */
export async function resolveTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) {
    const id = Number(param);
    return Number.isInteger(id) && id >= 0 ? id : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export interface PopupAppProps {
  tabId: number | null;
  /** Rule texts by id (the shipped pack's, see rule-texts.ts). */
  rules: Pick<Engine, 'rule'>;
  sources: Map<string, SourceLink>;
  /** Full-page Details view (opened from the banner) rather than the toolbar popup. */
  page?: boolean;
}

export function PopupApp({ tabId, rules, sources, page = false }: PopupAppProps) {
  // undefined while loading, null when the tab has no recorded verdict.
  const [record, setRecord] = useState<TabVerdict | null | undefined>(undefined);
  // Rule explanations in the user's UI language where the rule carries a translation (issue 5).
  const lang = usePageSettings()?.lang ?? 'en';
  const localRule = (id: string) => {
    const info = rules.rule(id);
    return info && { ...info, ...ruleTexts(info, lang) };
  };
  useEffect(() => {
    if (tabId === null) {
      setRecord(null);
      return;
    }
    let live = true;
    getTabVerdict(tabId).then((r) => live && setRecord(r), () => live && setRecord(null));
    const unwatch = watchTabVerdict(tabId, (r) => live && setRecord(r));
    return () => {
      live = false;
      unwatch();
    };
  }, [tabId]);

  return (
    <main class="popup">
      <h1 class="brand">
        <span class="brand-mark" aria-hidden="true">!</span> Redflag
      </h1>
      {record === undefined ? (
        <p class="muted" role="status">
          Loading…
        </p>
      ) : (
        <>
          <VerdictDetails record={record} rule={localRule} source={(id) => sources.get(id)} expanded={page} />
          {record?.verdict.warn && <PopupActions record={record} />}
        </>
      )}
      <footer class="muted small">Redflag checks pages on your device. Nothing is sent anywhere unless you choose to report.</footer>
    </main>
  );
}
