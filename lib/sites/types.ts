/**
 * Site adapters: how Redflag reads the pages where people are lured (job boards, web messengers).
 * An adapter is a pure-ish module: it only reads the Document/Element it is given, has no side effects
 * at import, never writes to the page and never throws (the registry wraps every call, see registry.ts).
 */
import type { ChatMessage, JobFields, ScanInput } from '@/lib/engine/types';

export type SiteKind = 'job' | 'chat';

/** Where a structured job field came from in the page, so evidence can be highlighted. */
export type FieldElements = Partial<Record<keyof JobFields & string, Element>>;

/** One job posting read from the page (a detail view, a feed post, a classified ad). */
export interface JobPost {
  /** Stable key of the posting (job id from the URL or the page, else a hash of title + company). */
  key: string;
  /** The element that holds the whole posting (observed for changes, scope for highlighting). */
  root: Element;
  input: ScanInput & { surface: 'job_post' };
  /** The element each field was read from (absent for fields derived from text). */
  fieldElements: FieldElements;
}

/** One chat message read from the page. */
export interface ChatMessageRead extends ChatMessage {
  /** The site's own message id, when the markup carries one (survives re-rendering). */
  id?: string;
  el: Element;
}

/** A chat site: where the open conversation is, and how to read one message element. */
export interface ChatSite {
  /** Id of the open conversation, or null when no conversation is open. */
  conversationId(doc: Document, url: URL): string | null;
  /** The element that contains the open conversation's messages (observed for additions). */
  messageRoot(doc: Document): Element | null;
  /** CSS selector matching one message element inside the message root. */
  readonly messageSelector: string;
  /** Read one message element; null when it holds no text (a sticker, a date separator, an empty bubble). */
  readMessage(el: Element, index: number): ChatMessageRead | null;
}

/** A job site: where the postings are, and how to read one. */
export interface JobSite {
  /** Elements that each hold one posting on this page (a detail pane, feed posts). */
  postRoots(doc: Document, url: URL): Element[];
  /** Read one posting; null when the element does not look like a posting (selectors missed). */
  readPost(root: Element, url: URL): JobPost | null;
  /**
   * Optional: the element to observe for new postings (a feed). Defaults to document.body.
   */
  observeRoot?(doc: Document): Element | null;
}

export interface SiteAdapter {
  /** Short stable id, e.g. "linkedin-jobs", "whatsapp". */
  id: string;
  /** Human-readable name, e.g. "LinkedIn Jobs". */
  name: string;
  kind: SiteKind;
  /** True when this adapter handles the URL (host and path). */
  matches(url: URL): boolean;
  job?: JobSite;
  chat?: ChatSite;
}
