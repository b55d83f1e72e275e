import { render } from 'preact';
import '@/lib/ui/popup.css';
import '@/lib/report/report.css';
import { ReportApp } from '@/lib/report/report-app';
import { shippedPack } from '@/lib/shipped-engine';
import { shippedRuleTexts } from '@/lib/ui/rule-texts';

// The report page needs rule texts and the pack version only: no matcher is compiled here.
document.documentElement.classList.add('page');
const param = new URLSearchParams(location.search).get('tab');
const tabId = param !== null && /^\d+$/.test(param) ? Number(param) : null;
render(<ReportApp tabId={tabId} engine={{ rule: shippedRuleTexts().rule, version: shippedPack.version }} />, document.getElementById('app')!);
