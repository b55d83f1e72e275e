/**
 * The explanation of one tab's verdict: level and type, then each finding with its evidence (quoted as text),
 * why it is a warning sign, what to do, and its sources. Used by the popup and the Details page.
 */
import type { Finding, RuleInfo } from '@/lib/engine/types';
import type { TabVerdict } from '@/lib/storage/tab-verdicts';
import { LEVEL_NAME, SCAM_TYPE_NAME } from '@/lib/ui/labels';
import type { SourceLink } from '@/lib/ui/sources';

const MAX_EVIDENCE = 5;

export interface VerdictDetailsProps {
  /** null: nothing recorded for this tab (not scanned yet, or not an http(s) page). */
  record: TabVerdict | null;
  rule: (id: string) => RuleInfo | undefined;
  source: (id: string) => SourceLink | undefined;
  /** Open the source lists (the full-page Details view); the popup keeps them folded. */
  expanded?: boolean;
}

function FindingView({ finding, info, source, expanded }: { finding: Finding; info?: RuleInfo; source: VerdictDetailsProps['source']; expanded: boolean }) {
  const quotes = finding.evidence.filter((e) => e.text.trim() !== '').slice(0, MAX_EVIDENCE);
  return (
    <article class={`finding finding-${finding.level}`} data-rule={finding.rule}>
      <h3 class="finding-title">
        {info?.title ?? finding.message}
        <span class={`pill pill-${finding.level}`}>{LEVEL_NAME[finding.level]}</span>
      </h3>
      {quotes.length > 0 && (
        <section class="evidence" aria-label="Evidence from the page">
          <h4>Found on the page</h4>
          {quotes.map((e, i) => (
            <blockquote key={i} class="quote">
              {e.text}
            </blockquote>
          ))}
        </section>
      )}
      {info?.why && (
        <section>
          <h4>Why this is a warning sign</h4>
          <p class="why">{info.why}</p>
        </section>
      )}
      {info?.advice && (
        <section>
          <h4>What to do</h4>
          <p class="advice">{info.advice}</p>
        </section>
      )}
      {info && info.references.length > 0 && (
        <details class="sources-box" open={expanded}>
          <summary>{`Sources (${info.references.length})`}</summary>
          <ul class="sources">
            {info.references.map((id) => {
              const s = source(id);
              return (
                <li key={id}>
                  {s?.url ? (
                    <a href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.title}
                    </a>
                  ) : (
                    (s?.title ?? id)
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </article>
  );
}

export function VerdictDetails({ record, rule, source, expanded = false }: VerdictDetailsProps) {
  if (!record || !record.verdict.warn || record.verdict.type === null) {
    return (
      <div class="verdict verdict-none" role="status">
        <h2>No warning on this page</h2>
        <p class="muted">
          {record
            ? 'Redflag checked this page and found no known scam pattern. Stay careful: no tool catches every scam.'
            : 'Redflag has not scanned this page. It checks web pages (http and https) when they finish loading.'}
        </p>
      </div>
    );
  }
  const { verdict } = record;
  const type = verdict.type!;
  return (
    <div class={`verdict verdict-${verdict.level}`}>
      <header class="verdict-header">
        <p class="verdict-level">{LEVEL_NAME[verdict.level]}</p>
        <h2 class="verdict-type">{SCAM_TYPE_NAME[type]}</h2>
        <p class="verdict-page" title={record.url}>
          {record.title || record.url}
        </p>
        {record.early && (
          <p class="verdict-early muted small" role="note">
            The page is still loading: so far Redflag has checked only its address. It checks the page itself once it has loaded.
          </p>
        )}
      </header>
      <h2 class="findings-heading">{verdict.findings.length === 1 ? 'Why Redflag warns' : `Why Redflag warns (${verdict.findings.length} signs)`}</h2>
      {verdict.findings.map((f, i) => (
        <FindingView key={`${f.rule}-${i}`} finding={f} info={rule(f.rule)} source={source} expanded={expanded} />
      ))}
    </div>
  );
}
