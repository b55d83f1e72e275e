/** JobStreet (Malaysia, Singapore, Philippines, Indonesia): SEEK Asia markup. */
import { hostIs } from './dom';
import { seekJobSite } from './seek';
import type { SiteAdapter } from './types';

export const jobstreet: SiteAdapter = {
  id: 'jobstreet',
  name: 'JobStreet',
  kind: 'job',
  matches: (url) => hostIs(url, 'jobstreet.com') || hostIs(url, 'jobstreet.co.id') || hostIs(url, 'jobstreet.com.my'),
  job: seekJobSite('jobstreet'),
};
