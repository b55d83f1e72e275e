/**
 * The SEEK Asia job board markup, shared by JobStreet and JobsDB (both run on it):
 * stable `data-automation` attributes on the job detail page and the split-view pane.
 */
import { defineJobSite } from './job-site';
import type { JobSite } from './types';

export function seekJobSite(siteId: string): JobSite {
  return defineJobSite(siteId, {
    roots: ['[data-automation="jobDetailsPage"]', '[data-automation="splitViewJobDetailsWrapper"]', '[data-automation="jobDetailsPane"]'],
    title: ['[data-automation="job-detail-title"]', 'h1'],
    company: ['[data-automation="advertiser-name"]'],
    location: ['[data-automation="job-detail-location"]'],
    salary: ['[data-automation="job-detail-salary"]'],
    contact: ['[data-automation="job-detail-contact"]'],
    description: ['[data-automation="jobAdDetails"]'],
    key: (url) => /\/job\/(\d+)/.exec(url.pathname)?.[1] ?? url.searchParams.get('jobId'),
  });
}
