/** The registry picks adapters by exact host and fails soft: selector misses and adapter errors give the generic scan. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { adapterFor, readSite } from '@/lib/sites/registry';
import { contactChannels, fieldForLabel, labelledFields } from '@/lib/sites/fields';
import type { SiteAdapter } from '@/lib/sites/types';

const doc = (body: string, head = '') =>
  parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;

describe('adapterFor', () => {
  it.each([
    ['https://www.linkedin.com/jobs/view/123/', 'linkedin-jobs'],
    ['https://www.linkedin.com/messaging/thread/2-x/', 'linkedin-messaging'],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.facebook.com/groups/1/', 'facebook'],
    ['https://www.facebook.com/messages/t/100/', 'messenger'],
    ['https://web.telegram.org/k/#@x', 'telegram-k'],
    ['https://web.telegram.org/a/#1', 'telegram-a'],
    ['https://sg.indeed.com/viewjob?jk=1', 'indeed'],
    ['https://www.indeed.co.uk/viewjob?jk=1', 'indeed'],
    ['https://hk.jobsdb.com/job/1', 'jobsdb'],
    ['https://www.instagram.com/direct/t/1/', 'instagram'],
    ['https://www.instagram.com/someone/', null],
    // Lookalike hosts are not the site.
    ['https://linkedin.com.jobs-offer.example/jobs/view/1', null],
    ['https://notindeed.com/viewjob', null],
    ['https://web.whatsapp.com.evil.example/', null],
    ['file:///home/x/web.whatsapp.com.html', null],
    ['not a url', null],
  ])('%s -> %s', (url, id) => {
    expect(adapterFor(url)?.id ?? null).toBe(id);
  });
});

describe('readSite fails soft', () => {
  it('falls back to the generic scan when the site markup changed', () => {
    const read = readSite(doc('<div class="new-layout"><h1>Some job</h1><p>Text</p></div>'), 'https://www.linkedin.com/jobs/view/1/');
    expect(read).toMatchObject({ mode: 'generic', reason: 'no posting found' });
    expect(read.adapter?.id).toBe('linkedin-jobs');
  });

  it('falls back to the generic scan when a chat page has no open conversation', () => {
    expect(readSite(doc('<div id="app"><div id="side">Chats</div></div>'), 'https://web.whatsapp.com/')).toMatchObject({
      mode: 'generic',
      reason: 'message list not found',
    });
  });

  it('turns an adapter that throws into the generic scan', () => {
    const broken: SiteAdapter = {
      id: 'broken', name: 'Broken', kind: 'job', matches: () => true,
      job: { postRoots: () => { throw new TypeError('selector engine exploded'); }, readPost: () => null },
    };
    const read = readSite(doc('<p>hello</p>'), 'https://example.com/', broken);
    expect(read).toMatchObject({ mode: 'generic', reason: 'adapter error: selector engine exploded' });
  });

  it('reads a schema.org JobPosting on a site without an adapter', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Chat agent',
      hiringOrganization: { '@type': 'Organization', name: 'Acme Ltd' },
      jobLocation: { '@type': 'Place', address: { addressLocality: 'Bavet', addressCountry: 'KH' } },
      baseSalary: { currency: 'USD', value: { minValue: 1500, maxValue: 2500, unitText: 'MONTH' } },
      description: '<p>Free visa &amp; ticket.</p><p>Contact <b>Telegram: @acme_hr</b></p>',
    });
    const read = readSite(doc('<main>Acme careers</main>', `<script type="application/ld+json">${ld}</script>`), 'https://jobs.example.org/1');
    if (read.mode !== 'job') throw new Error(`expected job, got ${read.mode}`);
    expect(read.adapter).toBeNull();
    expect(read.posts[0]!.input).toMatchObject({
      surface: 'job_post',
      title: 'Chat agent',
      text: 'Free visa & ticket.\nContact Telegram: @acme_hr',
      fields: { title: 'Chat agent', company: 'Acme Ltd', location: 'Bavet KH', salary: '1500 2500 MONTH USD', contact: 'Telegram: @acme_hr' },
    });
  });

  it('reads what the JobPosting says about the employer and the job, and leaves unknowns absent', () => {
    const ld = (extra: object) => JSON.stringify({
      '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Field engineer', description: 'Offshore rotation.', ...extra,
    });
    const read = (extra: object) => {
      const r = readSite(doc('<main>x</main>', `<script type="application/ld+json">${ld(extra)}</script>`), 'https://jobs.example.org/2');
      if (r.mode !== 'job') throw new Error(`expected job, got ${r.mode}`);
      return r.posts[0]!.input.fields!;
    };
    const full = read({
      hiringOrganization: { '@type': 'Organization', name: 'Acme Ltd', description: '<p>Acme builds pumps.</p>', logo: 'https://acme.example/logo.png' },
      employmentType: ['FULL_TIME', 'CONTRACTOR'], industry: 'Oil & Energy', qualifications: '<ul><li>5 years</li></ul>',
      jobBenefits: 'Health cover', jobLocationType: 'TELECOMMUTE',
    });
    expect(full).toMatchObject({
      company_profile: 'Acme builds pumps.', has_company_logo: '1', employment_type: 'FULL_TIME, CONTRACTOR', industry: 'Oil & Energy',
      requirements: '5 years', benefits: 'Health cover', telecommuting: '1',
    });
    // No logo and no profile in the markup is not "the employer has none": the fields stay absent.
    const bare = read({ hiringOrganization: { '@type': 'Organization', name: 'Acme Ltd' } });
    expect(bare).not.toHaveProperty('has_company_logo');
    expect(bare).not.toHaveProperty('company_profile');
    expect(bare).not.toHaveProperty('telecommuting');
  });

  it('ignores malformed JSON-LD', () => {
    const read = readSite(doc('<p>x</p>', '<script type="application/ld+json">{"@type":"JobPosting",</script>'), 'https://example.org/');
    expect(read.mode).toBe('generic');
  });
});

describe('fields', () => {
  it('names fields from labels in the languages of the region', () => {
    expect(fieldForLabel('Salary:')).toBe('salary');
    expect(fieldForLabel('ប្រាក់ខែ')).toBe('salary');
    expect(fieldForLabel('เงินเดือน')).toBe('salary');
    expect(fieldForLabel('Địa điểm')).toBe('location');
    expect(fieldForLabel('联系方式')).toBe('contact');
    expect(fieldForLabel('Payment terms and a very long label that is not a label')).toBeNull();
    expect(fieldForLabel('Paying')).toBeNull();
  });

  it('reads label/value pairs from definition lists, tables and "Label: value" lines', () => {
    const d = doc('<dl><dt>Company</dt><dd>Acme</dd></dl><table><tr><th>Salary</th><td>$900</td></tr></table><ul><li>Location: Poipet</li></ul>');
    expect(Object.fromEntries(labelledFields(d).map((f) => [f.name, f.value]))).toEqual({ company: 'Acme', salary: '$900', location: 'Poipet' });
  });

  it('lists contact channels without the words around them', () => {
    expect(contactChannels('Call +855 12 345 678 or Telegram: @hr_amy. Email jobs@acme.example', ['https://wa.me/85512345678'])).toBe(
      'https://wa.me/85512345678, Telegram: @hr_amy, +855 12 345 678, jobs@acme.example',
    );
    expect(contactChannels('Online customer service, Telegram only, apply online')).toBe('');
  });
});
