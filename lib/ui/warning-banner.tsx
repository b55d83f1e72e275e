/**
 * The in-page warning. Rendered by Preact inside the `<redflag-warning>` shadow root, so the page cannot restyle it.
 * Every page-derived string is rendered as a text node (never as HTML). Focus is never moved here on mount.
 */
import type { Verdict } from '@/lib/engine/types';
import { LEVEL_NAME, SCAM_TYPE_HEADLINE, topFinding } from '@/lib/ui/labels';

export interface WarningBannerProps {
  verdict: Verdict;
  /** "What to do now" for the top finding (the rule's advice). */
  advice?: string;
  onDismiss: () => void;
  onDetails: () => void;
}

export function WarningBanner({ verdict, advice, onDismiss, onDetails }: WarningBannerProps) {
  if (!verdict.warn || verdict.type === null) return null;
  const finding = topFinding(verdict);
  const level = verdict.level === 'high' ? 'high' : 'medium';
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onDismiss();
  };
  return (
    <section class={`rf-banner rf-${level}`} aria-label="Redflag scam warning" onKeyDown={onKeyDown}>
      <div class="rf-icon" aria-hidden="true">!</div>
      <div class="rf-body" role="alert" aria-atomic="true">
        <p class="rf-title">
          <span class="rf-level">{`${LEVEL_NAME[verdict.level]}: `}</span>
          <span class="rf-headline">{SCAM_TYPE_HEADLINE[verdict.type]}</span>
        </p>
        {finding && <p class="rf-reason">{finding.message}</p>}
        {advice && (
          <p class="rf-advice">
            <span class="rf-label">What to do: </span>
            {advice}
          </p>
        )}
      </div>
      <div class="rf-actions">
        <button type="button" class="rf-button rf-primary" onClick={onDetails}>
          Details
        </button>
        <button type="button" class="rf-button" onClick={onDismiss} aria-label="Dismiss this warning">
          Dismiss
        </button>
      </div>
    </section>
  );
}
