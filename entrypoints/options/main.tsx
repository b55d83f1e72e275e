import { render } from 'preact';
import '@/lib/ui/popup.css';
import '@/lib/report/report.css';
import { OptionsApp } from '@/lib/settings/options-app';

document.documentElement.classList.add('page');
render(<OptionsApp />, document.getElementById('app')!);
