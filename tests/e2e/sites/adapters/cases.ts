/**
 * The adapter fixture pages, the real-site URL each one is served at, and what the adapter must read
 * from it. Shared by the unit tests (linkedom) and the end-to-end tests (real Chromium).
 */
export interface JobExpect {
  title: string;
  company: string;
  salary?: string;
  location?: string;
  /** A substring of the contact field. */
  contact?: string;
}

export interface AdapterCase {
  file: string;
  url: string;
  adapter: string | null;
  kind: 'job' | 'chat' | 'generic';
  /** Does the shipped rule set warn on this page? */
  warn: boolean;
  job?: JobExpect;
  /** Number of postings found (feeds). */
  posts?: number;
  chat?: {
    conversationId: string;
    /** Direction of each message, in order ('them' | 'me'). */
    from: Array<'them' | 'me' | 'unknown'>;
    /** Needs layout to tell direction (parsed documents read 'unknown'). */
    layout?: boolean;
    /** Text of the first message. */
    first: string;
  };
}

const LURE_JOB = { title: 'Online Customer Service (English Typist)', company: 'Golden Bay Digital Co., Ltd.' };
const CHAT_FROM: Array<'them' | 'me'> = ['them', 'me', 'them', 'them', 'me', 'them'];
const FIRST = 'Hello, is this Sophea? I got your number from the job group.';

export const ADAPTER_CASES: AdapterCase[] = [
  {
    file: 'linkedin-jobs.html', url: 'https://www.linkedin.com/jobs/view/3900000001/', adapter: 'linkedin-jobs', kind: 'job', warn: true,
    job: { ...LURE_JOB, salary: '$1,800/month - $3,000/month · Full-time', location: 'Sihanoukville, Cambodia', contact: 't.me/goldenbay_hr_amy' },
  },
  {
    file: 'indeed.html', url: 'https://www.indeed.com/viewjob?jk=a1b2c3d4e5f60718', adapter: 'indeed', kind: 'job', warn: true,
    job: { title: 'Online Customer Service Typist', company: 'Golden Bay Digital', salary: '$1,800 - $3,000 a month - Full-time', location: 'Sihanoukville, Cambodia', contact: 'goldenbay_hr_amy' },
  },
  {
    file: 'indeed-benign.html', url: 'https://kh.indeed.com/viewjob?jk=b2c3d4e5f6071829', adapter: 'indeed', kind: 'job', warn: false,
    job: { title: 'Barista', company: 'River Cafe', salary: '$350 - $450 a month - Part-time', location: 'Phnom Penh' },
  },
  {
    file: 'jobstreet.html', url: 'https://my.jobstreet.com/job/80000001', adapter: 'jobstreet', kind: 'job', warn: true,
    job: { ...LURE_JOB, salary: 'MYR 8,000 – MYR 12,000 per month', location: 'Sihanoukville, Cambodia', contact: 'goldenbay_hr_amy' },
  },
  {
    file: 'jobsdb.html', url: 'https://th.jobsdb.com/job/80000002', adapter: 'jobsdb', kind: 'job', warn: true,
    job: { ...LURE_JOB, salary: 'MYR 8,000 – MYR 12,000 per month', location: 'Sihanoukville, Cambodia' },
  },
  {
    file: 'glassdoor.html', url: 'https://www.glassdoor.com/job-listing/online-customer-service-golden-bay-JV_KO0,23_KE24,33.htm?jl=1009123456789', adapter: 'glassdoor', kind: 'job', warn: true,
    job: { title: 'Online Customer Service (English Typist)', company: 'Golden Bay Digital', salary: '$22K - $36K (Employer provided)', location: 'Sihanoukville' },
  },
  {
    file: 'bongthom.html', url: 'https://www.bongthom.com/job_detail/online_customer_service_12345.html', adapter: 'bongthom', kind: 'job', warn: true,
    job: { ...LURE_JOB, salary: '$1,800 - $3,000', location: 'Preah Sihanouk', contact: 'Telegram @goldenbay_hr_amy' },
  },
  {
    file: 'khmer24.html', url: 'https://www.khmer24.com/en/online-customer-service-adid-9876543.html', adapter: 'khmer24', kind: 'job', warn: true,
    job: { title: 'Urgent: Online Customer Service, high salary', company: 'Golden Bay Digital', salary: '$1,800 - $3,000', location: 'Preah Sihanouk', contact: '012 345 678' },
  },
  { file: 'khmer24-car.html', url: 'https://www.khmer24.com/en/toyota-prius-2010-adid-1234567.html', adapter: 'khmer24', kind: 'generic', warn: false },
  {
    file: 'facebook-group.html', url: 'https://www.facebook.com/groups/1234567890/', adapter: 'facebook', kind: 'job', warn: true, posts: 3,
  },
  {
    file: 'whatsapp.html', url: 'https://web.whatsapp.com/', adapter: 'whatsapp', kind: 'chat', warn: true,
    chat: { conversationId: 'wa:85512345678@c.us', from: CHAT_FROM, first: FIRST },
  },
  {
    file: 'telegram-k.html', url: 'https://web.telegram.org/k/#@goldenbay_hr_amy', adapter: 'telegram-k', kind: 'chat', warn: true,
    chat: { conversationId: 'tg:@goldenbay_hr_amy', from: CHAT_FROM, first: FIRST },
  },
  {
    file: 'telegram-a.html', url: 'https://web.telegram.org/a/#7012345678', adapter: 'telegram-a', kind: 'chat', warn: true,
    chat: { conversationId: 'tg:7012345678', from: CHAT_FROM, first: FIRST },
  },
  {
    file: 'messenger.html', url: 'https://www.messenger.com/t/100012345678901', adapter: 'messenger', kind: 'chat', warn: true,
    chat: { conversationId: 'fbm:100012345678901', from: CHAT_FROM, first: FIRST },
  },
  {
    file: 'instagram.html', url: 'https://www.instagram.com/direct/t/340282366841710300949128/', adapter: 'instagram', kind: 'chat', warn: true,
    chat: { conversationId: 'ig:340282366841710300949128', from: CHAT_FROM, layout: true, first: FIRST },
  },
  {
    file: 'linkedin-messaging.html', url: 'https://www.linkedin.com/messaging/thread/2-ZmFrZXRocmVhZA==/', adapter: 'linkedin-messaging', kind: 'chat', warn: true,
    chat: { conversationId: 'li:2-ZmFrZXRocmVhZA==', from: CHAT_FROM, first: FIRST },
  },
  {
    file: 'zalo.html', url: 'https://chat.zalo.me/', adapter: 'zalo', kind: 'chat', warn: true,
    chat: { conversationId: 'name:Amy HR', from: CHAT_FROM, first: FIRST },
  },
];
