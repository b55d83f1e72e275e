/**
 * Merges URL findings into an engine verdict with the engine's scoring model (rules/README.md "Scoring"):
 * per-type sums of finding weights, then the engine's own `scoreFindings` (highest type wins, ties by `typeOrder`,
 * level from `thresholds`, `warn` from `warnLevel`). The thresholds and weights come from the pack's ScoringConfig (DEFAULT_SCORING unless
 * the pack overrides it), never from constants of our own.
 *
 * The engine's verdict does not carry per-type scores, so they are rebuilt from its findings: the winning type's
 * score is the verdict's own (suppression already applied); other types sum their positive findings minus the
 * engine's suppression (suppress findings carry negative weights and most suppressors apply to every type).
 * Content-based URL findings (`url-brand-claim-credentials`) are dropped when the engine suppressed the page
 * (news, advisories); URL-structure findings (look-alike domains, free hosts) are never suppressed.
 */
import { scoreFindings } from '../engine/engine';
import { DEFAULT_SCORING, type ScoringConfig } from '../engine/pack';
import { SCAM_TYPES, type Finding, type ScamType, type Verdict } from '../engine/types';

/** URL findings that read page content and therefore yield to the engine's news/advisory suppressors. */
const SUPPRESSIBLE = new Set(['url-brand-claim-credentials']);

export function mergeVerdicts(engine: Verdict, extra: Finding[] | Verdict, scoring: ScoringConfig = DEFAULT_SCORING): Verdict {
  let added = Array.isArray(extra) ? extra : extra.findings;
  if (added.length === 0) return engine;
  const suppression = engine.findings.reduce((n, f) => (f.weight < 0 ? n - f.weight : n), 0);
  if (suppression > 0) added = added.filter((f) => !SUPPRESSIBLE.has(f.rule));
  const known = new Set(engine.findings.map((f) => f.rule));
  added = added.filter((f) => !known.has(f.rule));
  if (added.length === 0) return engine;

  const scores = Object.fromEntries(SCAM_TYPES.map((t) => [t, 0])) as Record<ScamType, number>;
  for (const f of engine.findings) if (f.weight > 0) scores[f.type] += f.weight;
  for (const t of SCAM_TYPES) scores[t] = t === engine.type ? engine.score : Math.max(0, scores[t] - suppression);
  for (const f of added) scores[f.type] += f.weight;

  return scoreFindings([...engine.findings, ...added], scoring, { scores, truncated: engine.truncated === true, prefer: engine.type });
}
