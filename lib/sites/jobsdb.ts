/** JobsDB (Hong Kong, Thailand): SEEK Asia markup. */
import { hostIs } from './dom';
import { seekJobSite } from './seek';
import type { SiteAdapter } from './types';

export const jobsdb: SiteAdapter = {
  id: 'jobsdb',
  name: 'JobsDB',
  kind: 'job',
  matches: (url) => hostIs(url, 'jobsdb.com'),
  job: seekJobSite('jobsdb'),
};
