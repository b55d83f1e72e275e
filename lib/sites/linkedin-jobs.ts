/** LinkedIn Jobs: the job detail pane (signed-in search/view) and the public guest job page. */
import { hostIs } from './dom';
import { defineJobSite } from './job-site';
import type { SiteAdapter } from './types';

export const linkedinJobs: SiteAdapter = {
  id: 'linkedin-jobs',
  name: 'LinkedIn Jobs',
  kind: 'job',
  matches: (url) => hostIs(url, 'linkedin.com') && url.pathname.startsWith('/jobs'),
  job: defineJobSite('linkedin-jobs', {
    roots: ['.jobs-search__job-details--wrapper', '.job-view-layout', '.jobs-details', 'main .details-pane__content', 'main#main-content'],
    title: ['.job-details-jobs-unified-top-card__job-title', '.jobs-unified-top-card__job-title', '.top-card-layout__title', 'h1'],
    company: ['.job-details-jobs-unified-top-card__company-name', '.jobs-unified-top-card__company-name', '.topcard__org-name-link', '.topcard__flavor'],
    location: ['.job-details-jobs-unified-top-card__primary-description-container .tvm__text', '.jobs-unified-top-card__bullet', '.topcard__flavor--bullet'],
    salary: ['.job-details-jobs-unified-top-card__job-insight', '#SALARY', '.compensation__salary'],
    description: ['#job-details', '.jobs-description__content', '.jobs-description-content__text', '.show-more-less-html__markup', '.description__text'],
    key: (url, root) =>
      url.searchParams.get('currentJobId') ?? /\/jobs\/view\/(?:[^/]*?-)?(\d+)/.exec(url.pathname)?.[1] ?? root.querySelector('[data-job-id]')?.getAttribute('data-job-id') ?? null,
  }),
};
