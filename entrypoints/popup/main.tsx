import { render } from 'preact';
import '@/lib/ui/popup.css';
import '@/lib/report/report.css';
import { PopupApp, resolveTabId } from '@/lib/ui/popup-app';
import { shippedRuleTexts } from '@/lib/ui/rule-texts';
import { shippedSources } from '@/lib/ui/sources';

const root = document.getElementById('app')!;
// `?tab=ID`: the full-page Details view opened from the banner.
const page = new URLSearchParams(location.search).has('tab');
document.documentElement.classList.toggle('page', page);
const show = (tabId: number | null) =>
  render(<PopupApp tabId={tabId} rules={shippedRuleTexts()} sources={shippedSources()} page={page} />, root);
resolveTabId(location.search).then(show, () => show(null));
