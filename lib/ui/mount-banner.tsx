/**
 * Mounts the warning banner in a shadow root whose host element is `<redflag-warning>`. Content-script only.
 * The page's CSS does not reach inside, and `:host { all: initial !important }` wins over the page's own
 * `!important` rules on the host. The root is open (tests and assistive tooling read it), so a page script could
 * rewrite it: a mutation inside that this module did not make takes the banner down, and the content script mounts
 * a fresh one. A page can still remove the host: the content script then shows it again
 * (lib/observe/page-protection.ts, a bounded number of times), and the toolbar badge carries the warning regardless.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ScamType, Verdict } from '@/lib/engine/types';
import type { TrustDuration } from '@/lib/settings/settings-model';
import { uiLanguage, uiMessage } from '@/lib/ui/ui-strings';
import { englishLabels, WarningBanner, type BannerLabels } from '@/lib/ui/warning-banner';

import { BANNER_HOST } from './banner-loader';

export { BANNER_HOST };

export interface BannerOptions {
  verdict: Verdict;
  /** The top reason, localized when the rule carries a translation. */
  reason?: string;
  advice?: string;
  onDetails: () => void;
  /** Called after the user dismissed the banner (it is already removed). */
  onDismiss?: () => void;
  onTrust?: (duration: TrustDuration) => void;
  highlights?: { on: boolean; toggle: () => void };
}

const HEADLINE_KEY: Record<ScamType, string> = {
  fake_job: 'headlineFakeJob',
  pig_butchering: 'headlinePigButchering',
  crypto_investment: 'headlineCryptoInvestment',
  impersonation: 'headlineImpersonation',
};
const LEVEL_KEY = { none: 'levelNone', low: 'levelLow', medium: 'levelMedium', high: 'levelHigh' } as const;

/** A message in the language chosen in options (else the browser's; lib/ui/ui-strings.ts), else English. */
const message = (key: string, fallback: string): string => uiMessage(key, fallback);

/** The banner's words in the language chosen in options (else the browser's). */
export function localizedLabels(verdict: Verdict): { labels: BannerLabels; lang: string } {
  const en = englishLabels(verdict);
  const labels: BannerLabels = {
    region: message('bannerLabel', en.region),
    level: message(LEVEL_KEY[verdict.level], en.level),
    headline: verdict.type ? message(HEADLINE_KEY[verdict.type], en.headline) : en.headline,
    whatToDo: message('findingAdvice', en.whatToDo.replace(/:$/, '')).replace(/[:：]?$/, ':'),
    details: message('bannerDetails', en.details),
    dismiss: message('bannerDismiss', en.dismiss),
    dismissLabel: message('bannerDismissLabel', en.dismissLabel),
    trust: message('trustTitle', en.trust),
    trustHour: message('trustHour', en.trustHour),
    trustDay: message('trustDay', en.trustDay),
    trustAlways: message('trustAlways', en.trustAlways),
    cancel: message('bannerCancel', en.cancel),
    highlightsHide: message('bannerHighlightsHide', en.highlightsHide),
    highlightsShow: message('bannerHighlightsShow', en.highlightsShow),
    badgeNote: message('bannerBadgeNote', en.badgeNote),
  };
  return { labels, lang: uiLanguage() };
}

/**
 * The content script's stylesheet (web-accessible to the content scripts only through a dynamic URL), for the shadow
 * root. Read once per page: the banner is drawn again on every settings change and after a page removes it.
 */
let stylesheet: Promise<string> | undefined;
const contentStylesheet = (): Promise<string> => (stylesheet ??= readContentStylesheet());

async function readContentStylesheet(): Promise<string> {
  const url = (browser.runtime.getURL as (path: string) => string)('/content-scripts/content.css');
  try {
    return (await (await fetch(url)).text()).replaceAll(':root', ':host');
  } catch (error) {
    console.debug('[redflag] banner stylesheet not loaded', error);
    stylesheet = undefined; // tried again at the next draw
    return '';
  }
}

export async function mountWarningBanner(ctx: ContentScriptContext, options: BannerOptions): Promise<ShadowRootContentScriptUi<HTMLElement>> {
  const { verdict, reason, advice, onDetails, onDismiss, onTrust } = options;
  const { labels, lang } = localizedLabels(verdict);
  let highlights = options.highlights;
  let trusting = false;
  let guard: MutationObserver | null = null;
  // The banner's stylesheet is the content script's (content-scripts/content.css, built from its CSS import). WXT would
  // look for one named after the bundle running this code, banner-ui.js (lib/ui/banner-loader.ts), which has none: so
  // the stylesheet is read here and handed over, and WXT is told not to look.
  const css = await contentStylesheet();
  const uiCtx = Object.create(ctx, { options: { value: { ...ctx.options, cssInjectionMode: 'manual' } } }) as ContentScriptContext;
  const ui: ShadowRootContentScriptUi<HTMLElement> = await createShadowRootUi(uiCtx, {
    css,
    name: BANNER_HOST,
    position: 'overlay',
    zIndex: 2147483647,
    anchor: 'body',
    append: 'last',
    // Keystrokes typed in the banner do not reach the page's shortcut handlers.
    isolateEvents: true,
    onMount(container) {
      let draw = () =>
        render(
          <WarningBanner
            verdict={verdict}
            reason={reason}
            advice={advice}
            labels={labels}
            lang={lang}
            onDetails={onDetails}
            onDismiss={() => {
              ui.remove();
              onDismiss?.();
            }}
            onTrust={onTrust}
            trusting={trusting}
            onTrustMenu={(open) => {
              trusting = open;
              draw();
            }}
            highlights={
              highlights && {
                on: highlights.on,
                toggle: () => {
                  highlights!.toggle();
                  highlights = { ...highlights!, on: !highlights!.on };
                  draw();
                },
              }
            }
          />,
          container,
        );
      // Tamper guard: our own renders are synchronous, so their records are taken (and dropped) right after;
      // anything the observer reports later came from someone else. Then the banner is taken down whole, and the
      // content script mounts a fresh one (new shadow root, new styles) as for a banner the page removed.
      const MO = (container.ownerDocument.defaultView ?? window).MutationObserver;
      guard = new MO(() => {
        guard?.disconnect();
        ui.remove();
      });
      draw();
      guard.observe(ui.shadow, { childList: true, subtree: true, characterData: true, attributes: true });
      const ownDraw = draw;
      draw = () => {
        ownDraw();
        guard?.takeRecords();
      };
      return container;
    },
    onRemove(container) {
      guard?.disconnect();
      guard = null;
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
