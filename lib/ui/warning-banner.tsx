/**
 * The in-page warning. Rendered by Preact inside the `<redflag-warning>` shadow root, so the page's styles do not
 * reach it (mount-banner.tsx also takes it down and mounts a fresh one when a page script tampers with it). Every
 * page-derived string is rendered as a text node (never as HTML). Focus is never moved here on mount; the alert
 * role announces it; Escape dismisses it (or closes the trust menu). Stateless: the caller owns every state.
 */
import type { Verdict } from '@/lib/engine/types';
import type { TrustDuration } from '@/lib/settings/settings-model';
import { LEVEL_NAME, SCAM_TYPE_HEADLINE, topFinding } from '@/lib/ui/labels';

/** The banner's words, localized by the caller (English defaults). */
export interface BannerLabels {
  region: string;
  level: string;
  headline: string;
  whatToDo: string;
  details: string;
  dismiss: string;
  dismissLabel: string;
  trust: string;
  trustHour: string;
  trustDay: string;
  trustAlways: string;
  cancel: string;
  highlightsHide: string;
  highlightsShow: string;
  badgeNote: string;
}

export function englishLabels(verdict: Verdict): BannerLabels {
  return {
    region: 'Redflag scam warning',
    level: LEVEL_NAME[verdict.level],
    headline: verdict.type ? SCAM_TYPE_HEADLINE[verdict.type] : '',
    whatToDo: 'What to do:',
    details: 'Details',
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss this warning',
    trust: 'Trust this site',
    trustHour: 'For 1 hour',
    trustDay: 'For 1 day',
    trustAlways: 'Always',
    cancel: 'Cancel',
    highlightsHide: 'Hide highlights',
    highlightsShow: 'Show highlights',
    badgeNote: 'A real Redflag warning also shows on the Redflag toolbar icon.',
  };
}

export interface WarningBannerProps {
  verdict: Verdict;
  /** The top reason (the rule's title, localized); default: the top finding's message. */
  reason?: string;
  /** "What to do now" for the top finding (the rule's advice). */
  advice?: string;
  labels?: BannerLabels;
  /** BCP-47 language of the labels (screen readers pick the voice from it). */
  lang?: string;
  onDismiss: () => void;
  onDetails: () => void;
  /** "Trust this site": shown when given (the allowlist of lib/settings/trusted-sites). */
  onTrust?: (duration: TrustDuration) => void;
  /** The trust menu (durations) is open instead of the main actions. */
  trusting?: boolean;
  onTrustMenu?: (open: boolean) => void;
  /** Evidence highlighting switch: shown when given. */
  highlights?: { on: boolean; toggle: () => void };
}

export function WarningBanner({ verdict, reason, advice, labels, lang, onDismiss, onDetails, onTrust, trusting, onTrustMenu, highlights }: WarningBannerProps) {
  if (!verdict.warn || verdict.type === null) return null;
  const setTrusting = (open: boolean) => onTrustMenu?.(open);
  const l = labels ?? englishLabels(verdict);
  const finding = topFinding(verdict);
  const why = reason ?? finding?.message;
  const level = verdict.level === 'high' ? 'high' : 'medium';
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (trusting) setTrusting(false);
    else onDismiss();
  };
  return (
    <section class={`rf-banner rf-${level}`} aria-label={l.region} lang={lang} onKeyDown={onKeyDown}>
      <div class="rf-icon" aria-hidden="true">!</div>
      <div class="rf-body" role="alert" aria-atomic="true">
        <p class="rf-title">
          <span class="rf-level">{`${l.level}: `}</span>
          <span class="rf-headline">{l.headline}</span>
        </p>
        {why && <p class="rf-reason">{why}</p>}
        {advice && (
          <p class="rf-advice">
            <span class="rf-label">{`${l.whatToDo} `}</span>
            {advice}
          </p>
        )}
        {(onTrust || highlights) && <p class="rf-note">{l.badgeNote}</p>}
      </div>
      {trusting && onTrust ? (
        <div class="rf-actions" role="group" aria-label={l.trust}>
          <button type="button" class="rf-button" onClick={() => onTrust('hour')}>{l.trustHour}</button>
          <button type="button" class="rf-button" onClick={() => onTrust('day')}>{l.trustDay}</button>
          <button type="button" class="rf-button" onClick={() => onTrust('always')}>{l.trustAlways}</button>
          <button type="button" class="rf-button rf-primary" onClick={() => setTrusting(false)}>{l.cancel}</button>
        </div>
      ) : (
        <div class="rf-actions">
          <button type="button" class="rf-button rf-primary" onClick={onDetails}>
            {l.details}
          </button>
          {highlights && (
            <button type="button" class="rf-button" onClick={highlights.toggle} key={highlights.on ? 'hide' : 'show'}>
              {highlights.on ? l.highlightsHide : l.highlightsShow}
            </button>
          )}
          {onTrust && (
            <button type="button" class="rf-button" onClick={() => setTrusting(true)}>
              {l.trust}
            </button>
          )}
          <button type="button" class="rf-button" onClick={onDismiss} aria-label={l.dismissLabel}>
            {l.dismiss}
          </button>
        </div>
      )}
    </section>
  );
}
