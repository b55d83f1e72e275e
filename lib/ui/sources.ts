/** Source records (seeds/sources.json) that rules cite in `references`, for the popup's "Sources" lists. */
import sourcesData from '@/seeds/sources.json';

export interface SourceLink {
  id: string;
  /** "Title (Publisher)" */
  title: string;
  /** Only http(s) URLs are kept, so a link can never run script. */
  url?: string;
}

/** Index an array of `{ id, title, publisher?, url? }` records by id; records without id or title are skipped. */
export function indexSources(data: unknown): Map<string, SourceLink> {
  const out = new Map<string, SourceLink>();
  if (!Array.isArray(data)) return out;
  for (const item of data as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    if (typeof r.id !== 'string' || typeof r.title !== 'string') continue;
    const title = typeof r.publisher === 'string' && r.publisher ? `${r.title} (${r.publisher})` : r.title;
    const url = typeof r.url === 'string' && /^https?:\/\//i.test(r.url) ? r.url : undefined;
    out.set(r.id, url ? { id: r.id, title, url } : { id: r.id, title });
  }
  return out;
}

let shipped: Map<string, SourceLink> | undefined;

export function shippedSources(): Map<string, SourceLink> {
  return (shipped ??= indexSources(sourcesData));
}
