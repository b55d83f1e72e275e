/** The toolbar badge for a tab: "!" coloured by level when the page warns, empty otherwise. */
import { browser } from 'wxt/browser';
import type { Verdict } from '@/lib/engine/types';
import { SCAM_TYPE_NAME } from '@/lib/ui/labels';

export const BADGE_COLOR = { high: '#B91C1C', medium: '#B45309', low: '#4B5563' } as const;

export interface BadgeState {
  text: string;
  color: string | null;
  title: string;
}

export function badgeState(verdict: Verdict | null): BadgeState {
  if (!verdict || !verdict.warn || verdict.type === null || verdict.level === 'none') {
    return { text: '', color: null, title: 'Redflag' };
  }
  return {
    text: '!',
    color: BADGE_COLOR[verdict.level],
    title: `Redflag: ${SCAM_TYPE_NAME[verdict.type]} (${verdict.level} risk). Click for details.`,
  };
}

/** Chrome MV3 has `action`; Firefox MV2 has `browserAction`. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

export async function setBadge(tabId: number, verdict: Verdict | null): Promise<void> {
  const action = toolbarAction();
  const state = badgeState(verdict);
  await action.setBadgeText({ tabId, text: state.text });
  await action.setTitle({ tabId, title: state.title });
  if (state.color) await action.setBadgeBackgroundColor({ tabId, color: state.color });
}
