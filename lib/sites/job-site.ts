/**
 * Builds a JobSite from a declarative description: selectors (in order of preference) for the
 * posting containers and for each field. Site modules are then mostly data.
 */
import type { JobFields } from '@/lib/engine/types';
import { contactChannels, fillFromLabels } from './fields';
import { fieldText, first, hashKey, linksIn, queryAll, textOf } from './dom';
import type { FieldElements, JobPost, JobSite } from './types';

export interface JobSiteSpec {
  /** Selectors for posting containers; every match of the first selector that matches is a posting. */
  roots: readonly string[];
  title: readonly string[];
  company: readonly string[];
  salary?: readonly string[];
  location?: readonly string[];
  contact?: readonly string[];
  /** The body of the posting. When nothing matches, the whole root's text is used. */
  description: readonly string[];
  /** When the page has no title element (social posts), use the first line of the text. */
  titleFromText?: boolean;
  /** Fill missing fields from "Label: value" pairs in the root (boards without stable class names). */
  labels?: boolean;
  /** The site's id for the posting (from the URL or an attribute), or null. */
  key?(url: URL, root: Element): string | null;
  /** Where new postings appear (a feed); default document.body. */
  observe?: readonly string[];
  /** Minimum description length for a root to count as a posting (filters empty shells). */
  minText?: number;
}

const MAX_DESCRIPTION = 30_000;

export function defineJobSite(siteId: string, spec: JobSiteSpec): JobSite {
  return {
    postRoots(doc) {
      for (const s of spec.roots) {
        const found = queryAll(doc, s);
        if (found.length > 0) return dropNested(found);
      }
      return [];
    },
    readPost(root, url) {
      const fields: JobFields = {};
      const elements: FieldElements = {};
      const take = (name: keyof JobFields & string, selectors: readonly string[] | undefined) => {
        if (!selectors) return;
        const { text, el } = fieldText(root, selectors);
        if (text && el) {
          fields[name] = text;
          elements[name] = el;
        }
      };
      take('title', spec.title);
      take('company', spec.company);
      take('salary', spec.salary);
      take('location', spec.location);
      take('contact', spec.contact);
      const descEl = first(root, spec.description);
      const description = textOf(descEl ?? root, MAX_DESCRIPTION);
      if (description.length < (spec.minText ?? 20)) return null;
      if (descEl) elements.description = descEl;
      if (spec.labels) fillFromLabels(fields, elements, root);
      if (!fields.title && spec.titleFromText) {
        const line = description.split('\n', 1)[0]!.trim();
        fields.title = line.length > 140 ? line.slice(0, 140) : line;
      }
      if (!fields.title && !fields.company) return null;
      const links = linksIn(root, url.href);
      if (!fields.contact) {
        const channels = contactChannels(description, links);
        if (channels) fields.contact = channels;
      }
      const id = spec.key?.(url, root) ?? null;
      const key = `${siteId}:${id ?? hashKey(`${fields.title ?? ''}|${fields.company ?? ''}|${description.slice(0, 300)}`)}`;
      const post: JobPost = {
        key,
        root,
        fieldElements: elements,
        input: {
          surface: 'job_post',
          url: url.href,
          title: fields.title ?? '',
          text: description,
          fields,
          links,
        },
      };
      const lang = root.closest('[lang]')?.getAttribute('lang');
      if (lang) post.input.lang = lang;
      return post;
    },
    observeRoot(doc) {
      return spec.observe ? first(doc, spec.observe) : null;
    },
  };
}

/** Keep only outermost elements (a posting nested in another matched posting is the same posting). */
function dropNested(els: Element[]): Element[] {
  if (els.length < 2) return els;
  const set = new Set(els);
  return els.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}
