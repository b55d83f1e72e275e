/**
 * BongThom (Cambodia): job detail pages. Field values sit in label/value rows (English and Khmer labels),
 * so the adapter reads them by label rather than by class name.
 */
import { hostIs } from './dom';
import { defineJobSite } from './job-site';
import type { SiteAdapter } from './types';

export const bongthom: SiteAdapter = {
  id: 'bongthom',
  name: 'BongThom',
  kind: 'job',
  matches: (url) => hostIs(url, 'bongthom.com'),
  job: defineJobSite('bongthom', {
    roots: ['[itemtype$="/JobPosting"]', '#job-detail', '.job-detail', '.job_detail'],
    title: ['[itemprop="title"]', '.job-title', 'h1'],
    company: ['[itemprop="hiringOrganization"] [itemprop="name"]', '[itemprop="hiringOrganization"]', '.company-name'],
    salary: ['[itemprop="baseSalary"]'],
    location: ['[itemprop="jobLocation"]'],
    description: ['[itemprop="description"]', '.job-description', '.description'],
    labels: true,
    key: (url) => /\/job_detail\/([^/?#]+?)(?:\.html)?$/.exec(url.pathname)?.[1] ?? null,
  }),
};
