/**
 * Khmer24 (Cambodia): classified ads. Only ads in a job category are read as job posts; other ads
 * (cars, phones, rentals) return null and the page gets the generic scan.
 */
import { first, hostIs, textOf } from './dom';
import { defineJobSite } from './job-site';
import type { JobSite, SiteAdapter } from './types';

const base = defineJobSite('khmer24', {
  roots: ['[class*="ad-detail"]', '#ad-detail', '[class*="post-detail"]', 'main'],
  title: ['h1'],
  company: ['[class*="company"]'],
  contact: ['[class*="phone"]', 'a[href^="tel:"]'],
  description: ['[class*="description"]', '[itemprop="description"]'],
  labels: true,
  key: (url) => /adid-(\d+)/.exec(url.pathname)?.[1] ?? null,
});

const JOB_CATEGORY = /\bjobs?\b|ការងារ|ជ្រើសរើស|recruit|hiring|vacanc/i;

const job: JobSite = {
  ...base,
  readPost(root, url) {
    const crumbs = first(root.ownerDocument, ['[class*="breadcrumb"]', 'nav[aria-label*="bread" i]']);
    const category = `${crumbs ? textOf(crumbs, 500) : ''} ${url.pathname}`;
    if (!JOB_CATEGORY.test(category)) return null;
    return base.readPost(root, url);
  },
};

export const khmer24: SiteAdapter = {
  id: 'khmer24',
  name: 'Khmer24',
  kind: 'job',
  matches: (url) => hostIs(url, 'khmer24.com'),
  job,
};
