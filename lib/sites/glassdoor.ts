/** Glassdoor (every country site): the job listing page and the search page's detail pane. */
import { defineJobSite } from './job-site';
import type { SiteAdapter } from './types';

export const glassdoor: SiteAdapter = {
  id: 'glassdoor',
  name: 'Glassdoor',
  kind: 'job',
  matches: (url) => /(?:^|\.)glassdoor\.(?:com|co\.[a-z]{2}|com\.[a-z]{2}|[a-z]{2})$/.test(url.hostname.toLowerCase()),
  job: defineJobSite('glassdoor', {
    roots: ['[class*="JobDetails_jobDetailsContainer"]', '[data-test="job-details"]', '#JobView', '.jobViewMinimal'],
    title: ['[data-test="job-title"]', 'h1[id^="jd-job-title"]', 'h1'],
    company: ['[data-test="employer-name"]', '[class*="EmployerProfile_employerName"]'],
    location: ['[data-test="location"]'],
    salary: ['[data-test="detailSalary"]', '[class*="SalaryEstimate_salaryRange"]'],
    description: ['[class*="JobDetails_jobDescription"]', '.jobDescriptionContent', '[data-test="jobDescriptionContent"]'],
    key: (url, root) => url.searchParams.get('jl') ?? url.searchParams.get('jobListingId') ?? root.getAttribute('data-jobid'),
  }),
};
