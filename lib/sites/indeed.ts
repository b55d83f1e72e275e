/** Indeed (every country site): the job view page and the search page's job pane. */
import { defineJobSite } from './job-site';
import type { SiteAdapter } from './types';

export const indeed: SiteAdapter = {
  id: 'indeed',
  name: 'Indeed',
  kind: 'job',
  matches: (url) => /(?:^|\.)indeed\.(?:com|co\.[a-z]{2}|com\.[a-z]{2}|[a-z]{2})$/.test(url.hostname.toLowerCase()),
  job: defineJobSite('indeed', {
    roots: ['#jobsearch-ViewjobPaneWrapper', '.jobsearch-ViewJobLayout-jobDisplay', '.jobsearch-JobComponent', '#viewJobSSRRoot'],
    title: ['[data-testid="jobsearch-JobInfoHeader-title"]', '.jobsearch-JobInfoHeader-title', 'h1', 'h2'],
    company: ['[data-testid="inlineHeader-companyName"]', '[data-company-name="true"]', '.jobsearch-CompanyInfoContainer a'],
    location: ['[data-testid="inlineHeader-companyLocation"]', '[data-testid="job-location"]', '#jobLocationText'],
    salary: ['#salaryInfoAndJobType', '[data-testid="attribute_snippet_compensation"]'],
    description: ['#jobDescriptionText', '.jobsearch-jobDescriptionText'],
    key: (url, root) => url.searchParams.get('jk') ?? url.searchParams.get('vjk') ?? root.querySelector('[data-jk]')?.getAttribute('data-jk') ?? null,
  }),
};
