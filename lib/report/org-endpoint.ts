/**
 * The organisation's own report endpoint (managed policy `reportEndpoint`, HTTPS only; off unless configured).
 * On the user's click, after review, the redacted bundle is POSTed as JSON. Schema: lib/report/README.md.
 * The endpoint must accept a CORS request from the extension origin (preflight for application/json).
 */
import type { ReportEndpoint } from '../settings/managed-policy';
import { validateEndpointUrl } from '../settings/managed-policy';
import type { EvidenceBundle, RedactionItem } from './evidence-bundle';

export interface OrgReportPayload {
  schema: 'redflag-org-report/1';
  /** The bundle exactly as the user reviewed it (redacted). */
  bundle: EvidenceBundle;
  /** What was redacted, as kinds and counts only (never the values). */
  redactions: { kind: RedactionItem['kind']; count: number }[];
  client: { name: 'redflag'; version: string; language: string };
}

export function orgPayload(bundle: EvidenceBundle, items: readonly RedactionItem[], client: { version: string; language: string }): OrgReportPayload {
  const counts = new Map<RedactionItem['kind'], number>();
  for (const i of items) if (i.redacted) counts.set(i.kind, (counts.get(i.kind) ?? 0) + i.count);
  return {
    schema: 'redflag-org-report/1',
    bundle,
    redactions: [...counts].map(([kind, count]) => ({ kind, count })),
    client: { name: 'redflag', ...client },
  };
}

export interface PostResult {
  ok: boolean;
  status?: number;
  error?: string;
}

export async function postOrgReport(
  endpoint: ReportEndpoint,
  payload: OrgReportPayload,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 15_000,
): Promise<PostResult> {
  const url = validateEndpointUrl(endpoint.url);
  if (!url) return { ok: false, error: 'The organisation endpoint is not an https:// URL; nothing was sent.' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
      signal: controller.signal,
    });
    return res.ok ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `The server answered ${res.status}.` };
  } catch (e) {
    return { ok: false, error: controller.signal.aborted ? 'No answer within 15 seconds.' : `Could not reach the server (${String((e as Error)?.message ?? e)}).` };
  } finally {
    clearTimeout(timer);
  }
}
