import { render } from 'preact';
import '@/lib/ui/popup.css';
import { getShippedEngine } from '@/lib/shipped-engine';
import { PopupApp, resolveTabId } from '@/lib/ui/popup-app';
import { shippedSources } from '@/lib/ui/sources';

const root = document.getElementById('app')!;
if (new URLSearchParams(location.search).has('tab')) document.documentElement.classList.add('page');
resolveTabId(location.search).then(
  (tabId) => render(<PopupApp tabId={tabId} engine={getShippedEngine()} sources={shippedSources()} />, root),
  () => render(<PopupApp tabId={null} engine={getShippedEngine()} sources={shippedSources()} />, root),
);
