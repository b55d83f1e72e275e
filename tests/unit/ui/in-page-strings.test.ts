/**
 * The banner and chat-marker words follow the language chosen in options: the background picks it from the
 * settings and sends the in-page messages with the rule pack; the content side uses them over the browser's.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chosenInPageStrings, IN_PAGE_KEYS, inPageStrings } from '@/lib/i18n/banner-strings';
import { localizedLabels } from '@/lib/ui/mount-banner';
import { uiLanguage, uiMessage, useInPageStrings } from '@/lib/ui/ui-strings';
import type { Verdict } from '@/lib/engine/types';

const km = JSON.parse(readFileSync(new URL('../../../public/_locales/km/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
const verdict: Verdict = { warn: true, level: 'high', type: 'fake_job', score: 5, findings: [] };

describe('in-page words', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useInPageStrings(undefined);
  });

  it('the background sends the messages of the language chosen in options', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'km' } });
    const strings = await chosenInPageStrings();
    expect(strings.lang).toBe('km');
    expect(Object.keys(strings.messages).sort()).toEqual([...IN_PAGE_KEYS].sort());
    expect(strings.messages.bannerLabel).toBe(km.bannerLabel!.message);
    await fakeBrowser.storage.local.set({ settings: { language: 'zh_CN' } });
    expect((await chosenInPageStrings()).lang).toBe('zh-CN');
    // No choice: the browser's language (none in this test environment: English).
    await fakeBrowser.storage.local.set({ settings: { language: null } });
    expect((await chosenInPageStrings()).messages.bannerLabel).toBe('Redflag scam warning');
  });

  it('the banner labels and the marker label use them, with $1 filled in', () => {
    useInPageStrings(inPageStrings('km'));
    const { labels, lang } = localizedLabels(verdict);
    expect(lang).toBe('km');
    expect(labels.region).toBe(km.bannerLabel!.message);
    expect(labels.headline).toBe(km.headlineFakeJob!.message);
    expect(labels.details).toBe(km.bannerDetails!.message);
    expect(uiMessage('markerLabel', 'Possible scam: x', ['X'])).toBe(km.markerLabel!.message.replace('$1', 'X'));
    expect(uiLanguage()).toBe('km');
  });

  it('without them (or with malformed ones) the words are the English defaults', () => {
    useInPageStrings({ lang: 42 });
    const { labels } = localizedLabels(verdict);
    expect(labels.region).toBe('Redflag scam warning');
    expect(uiMessage('markerLabel', 'Possible scam: Fake job offer', ['Fake job offer'])).toBe('Possible scam: Fake job offer');
  });
});
