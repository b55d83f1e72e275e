/**
 * The in-page banner, injected by the background into a tab only when its content script first shows a warning
 * (lib/ui/banner-loader.ts explains why it is a file of its own).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideBannerUi } from '@/lib/ui/banner-loader';
import { mountWarningBanner } from '@/lib/ui/mount-banner';

export default defineUnlistedScript(() => {
  provideBannerUi({ mountWarningBanner });
});
