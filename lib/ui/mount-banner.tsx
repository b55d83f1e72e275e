/** Mounts the warning banner in a shadow root whose host element is `<redflag-warning>`. Content-script only. */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Verdict } from '@/lib/engine/types';
import { WarningBanner } from '@/lib/ui/warning-banner';

export const BANNER_HOST = 'redflag-warning';

export interface BannerOptions {
  verdict: Verdict;
  advice?: string;
  onDetails: () => void;
}

export async function mountWarningBanner(
  ctx: ContentScriptContext,
  { verdict, advice, onDetails }: BannerOptions,
): Promise<ShadowRootContentScriptUi<HTMLElement>> {
  const ui: ShadowRootContentScriptUi<HTMLElement> = await createShadowRootUi(ctx, {
    name: BANNER_HOST,
    position: 'overlay',
    zIndex: 2147483647,
    anchor: 'body',
    append: 'last',
    // Keystrokes typed in the banner do not reach the page's shortcut handlers.
    isolateEvents: true,
    onMount(container) {
      render(<WarningBanner verdict={verdict} advice={advice} onDetails={onDetails} onDismiss={() => ui.remove()} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
