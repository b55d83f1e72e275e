/**
 * The generic fallback for every page without an adapter (and for adapters whose selectors missed).
 * A page that declares a schema.org JobPosting (JSON-LD; most job boards do, for search engines) is read
 * as a job post from that data; every other page is scanned as a page by lib/extract/extract-page.ts.
 */
import { contactChannels } from './fields';
import { hashKey, linksIn, queryAll, textOf } from './dom';
import type { JobPost } from './types';
import type { JobFields } from '@/lib/engine/types';

type Json = Record<string, unknown>;

function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(asText).filter(Boolean).join(', ');
  if (v && typeof v === 'object') {
    const o = v as Json;
    if (typeof o.name === 'string') return o.name;
    const parts: string[] = [];
    for (const k of ['streetAddress', 'addressLocality', 'addressRegion', 'addressCountry', 'minValue', 'maxValue', 'value', 'currency', 'unitText', 'address']) {
      const t = asText(o[k]);
      if (t) parts.push(t);
    }
    return parts.join(' ');
  }
  return '';
}

/**
 * Plain text of an HTML string without parsing it into the page (no innerHTML). Linear time on hostile input (the
 * description is page-controlled): a tag never spans another "<", and lines are trimmed by splitting, not by a regex
 * that backtracks over long whitespace runs (tests/fuzz/redos-code.test.ts).
 */
function stripTags(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/li|\/div|\/h\d)[^<>]*>/gi, '\n')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

function findJobPosting(data: unknown, depth = 0): Json | null {
  if (!data || typeof data !== 'object' || depth > 4) return null;
  if (Array.isArray(data)) {
    for (const d of data) {
      const f = findJobPosting(d, depth + 1);
      if (f) return f;
    }
    return null;
  }
  const o = data as Json;
  const type = o['@type'];
  if (type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'))) return o;
  return findJobPosting(o['@graph'], depth + 1);
}

/** The page's schema.org JobPosting as a job post, or null. Never throws on malformed JSON. */
export function jsonLdJobPost(doc: Document, url: URL): JobPost | null {
  for (const script of queryAll(doc, 'script[type="application/ld+json"]').slice(0, 10)) {
    const raw = script.textContent ?? '';
    if (raw.length > 500_000 || !raw.includes('JobPosting')) continue;
    let job: Json | null = null;
    try {
      job = findJobPosting(JSON.parse(raw));
    } catch {
      continue;
    }
    if (!job) continue;
    const fields: JobFields = {};
    const set = (name: string, v: unknown) => {
      const t = asText(v).replace(/\s+/g, ' ').trim();
      if (t) fields[name] = t.slice(0, 500);
    };
    set('title', job.title);
    set('company', job.hiringOrganization);
    set('salary', job.baseSalary ?? job.estimatedSalary);
    set('location', job.jobLocation ?? job.applicantLocationRequirements);
    // What the board says about the employer and the job, under the names EMSCAD-style rules read. A field the page
    // does not give stays absent (unknown), never "no": only a present logo is reported.
    const org = job.hiringOrganization;
    if (org && typeof org === 'object' && !Array.isArray(org)) {
      const o = org as Json;
      set('company_profile', typeof o.description === 'string' ? stripTags(o.description) : '');
      if (asText(o.logo ?? o.image)) fields.has_company_logo = '1';
    }
    set('employment_type', job.employmentType);
    set('industry', job.industry);
    set('requirements', [job.qualifications, job.experienceRequirements, job.educationRequirements].map((v) => (typeof v === 'string' ? stripTags(v) : asText(v))).filter(Boolean).join(' '));
    set('benefits', typeof job.jobBenefits === 'string' ? stripTags(job.jobBenefits) : job.jobBenefits);
    if (asText(job.jobLocationType).toUpperCase().includes('TELECOMMUTE')) fields.telecommuting = '1';
    const root = doc.body ?? doc.documentElement;
    const description = stripTags(typeof job.description === 'string' ? job.description : '').slice(0, 30_000) || textOf(root, 30_000);
    const links = linksIn(root, url.href);
    const channels = contactChannels(description, links);
    if (channels) fields.contact = channels;
    if (!fields.title && !description) continue;
    return {
      key: `jsonld:${hashKey(`${fields.title ?? ''}|${fields.company ?? ''}|${description.slice(0, 300)}`)}`,
      root,
      fieldElements: {},
      input: { surface: 'job_post', url: url.href, title: fields.title ?? '', text: description, fields, links },
    };
  }
  return null;
}
