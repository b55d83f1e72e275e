/**
 * The site registry: which adapter handles a URL, and one fail-soft entry point that reads the page
 * with it. Any error or selector miss degrades to the generic scan; nothing here can throw into the page.
 */
import { bongthom } from './bongthom';
import { facebook } from './facebook';
import { jsonLdJobPost } from './generic';
import { glassdoor } from './glassdoor';
import { indeed } from './indeed';
import { instagram } from './instagram';
import { jobsdb } from './jobsdb';
import { jobstreet } from './jobstreet';
import { khmer24 } from './khmer24';
import { linkedinJobs } from './linkedin-jobs';
import { linkedinMessaging } from './linkedin-messaging';
import { messenger } from './messenger';
import { telegramA, telegramK } from './telegram';
import { whatsapp } from './whatsapp';
import { zalo } from './zalo';
import { readAllMessages } from './chat-site';
import type { ChatMessageRead, JobPost, SiteAdapter } from './types';

/** Every adapter, most specific first (messenger before facebook; linkedin messaging before jobs). */
export const ADAPTERS: readonly SiteAdapter[] = [
  linkedinMessaging, linkedinJobs, indeed, jobstreet, jobsdb, glassdoor, bongthom, khmer24,
  messenger, facebook, whatsapp, telegramK, telegramA, instagram, zalo,
];

function toUrl(url: URL | string): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The adapter for a URL, or null (generic page). Never throws. */
export function adapterFor(url: URL | string): SiteAdapter | null {
  const u = toUrl(url);
  if (!u || !/^https?:$/.test(u.protocol)) return null;
  for (const a of ADAPTERS) {
    try {
      if (a.matches(u)) return a;
    } catch {
      // a broken matcher is a miss
    }
  }
  return null;
}

export type SiteRead =
  | { mode: 'job'; adapter: SiteAdapter | null; posts: JobPost[] }
  | { mode: 'chat'; adapter: SiteAdapter; conversationId: string; root: Element; messages: ChatMessageRead[] }
  | { mode: 'generic'; adapter: SiteAdapter | null; reason: string };

/**
 * Read the page with its adapter. Job sites: every posting found. Chat sites: the open conversation.
 * When the adapter finds nothing it recognises (or throws), the result is `generic` with the reason;
 * a page with a schema.org JobPosting is still read as a job post.
 */
export function readSite(doc: Document, url: URL | string, adapter: SiteAdapter | null = adapterFor(url)): SiteRead {
  const u = toUrl(url);
  if (!u) return { mode: 'generic', adapter, reason: 'invalid URL' };
  let reason = adapter ? '' : 'no adapter';
  try {
    if (adapter?.chat) {
      const chat = adapter.chat;
      const root = chat.messageRoot(doc);
      const conversationId = chat.conversationId(doc, u);
      if (root && conversationId) return { mode: 'chat', adapter, conversationId, root, messages: readAllMessages(chat, root) };
      reason = root ? 'no open conversation' : 'message list not found';
    } else if (adapter?.job) {
      const posts = readPosts(adapter, doc, u);
      if (posts.length > 0) return { mode: 'job', adapter, posts };
      reason = 'no posting found';
    }
  } catch (err) {
    reason = `adapter error: ${err instanceof Error ? err.message : String(err)}`;
  }
  try {
    const ld = jsonLdJobPost(doc, u);
    if (ld) return { mode: 'job', adapter: null, posts: [ld] };
  } catch {
    // fall through to the page scan
  }
  return { mode: 'generic', adapter, reason };
}

/** Every posting the adapter can read on the page (roots whose fields miss are skipped). */
export function readPosts(adapter: SiteAdapter, doc: Document, url: URL): JobPost[] {
  const job = adapter.job;
  if (!job) return [];
  const posts: JobPost[] = [];
  for (const root of job.postRoots(doc, url)) {
    try {
      const p = job.readPost(root, url);
      if (p) posts.push(p);
    } catch {
      // one odd posting does not stop the others
    }
  }
  return posts;
}
