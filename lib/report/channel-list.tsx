/**
 * The reporting channels for one report, as buttons. A button is a real link (https:, mailto:, tel:, sms:) so the
 * browser performs the action; the click also copies the report text and records the report in the history.
 * Before the user has confirmed the reviewed report, the buttons are disabled.
 */
import type { Channel } from '../channels/channel-types';
import type { ChannelReason, SelectedChannel } from '../channels/select-channels';
import { countryName, type MessageKey, type Translate } from '../i18n/i18n';
import type { UiLanguage } from '../settings/settings-model';
import type { ChannelAction } from './channel-actions';

const REASON_KEY: Record<ChannelReason, MessageKey> = {
  platform: 'reasonPlatform',
  trafficking: 'reasonTrafficking',
  destination: 'reasonDestination',
  consular: 'reasonConsular',
  fraud: 'reasonFraud',
  crypto: 'reasonCrypto',
  url: 'reasonUrl',
};

export interface ChannelListProps {
  items: readonly SelectedChannel[];
  enabled: boolean;
  lang: UiLanguage;
  t: Translate;
  action: (channel: Channel) => ChannelAction;
  onUse: (channel: Channel, action: ChannelAction) => void;
}

function actionLabel(channel: Channel, action: ChannelAction, t: Translate): string {
  switch (action.kind) {
    case 'open_url':
      return t('doOpenForm');
    case 'mailto':
      return t('doEmail');
    case 'tel':
      return t('doCall', { number: channel.value });
    case 'sms':
      return t('doSms', { number: channel.value });
    case 'deep_link':
      return t('doTelegram');
    case 'instructions':
      return t('doApp');
  }
}

export function ChannelList({ items, enabled, lang, t, action, onUse }: ChannelListProps) {
  return (
    <ul class="channels">
      {items.map(({ channel, reason }) => {
        const a = action(channel);
        const label = actionLabel(channel, a, t);
        const external = a.href?.startsWith('https://');
        return (
          <li key={channel.id} class={`channel channel-${channel.type}`} data-channel={channel.id}>
            <div class="channel-head">
              <strong class="channel-name">{channel.authority}</strong>
              {channel.authorityLocal && <span class="channel-local"> · {channel.authorityLocal}</span>}
            </div>
            <div class="channel-meta muted">
              <span class="channel-reason">{t(REASON_KEY[reason], { country: countryName(channel.country, lang) })}</span>
              {channel.type !== 'web_form' && channel.type !== 'other' && <span> · {channel.value}</span>}
              {channel.confidence !== 'high' && <span class="channel-confidence"> · {t('lessVerified')}</span>}
              {channel.servesAbroad && channel.country !== 'global' && <span> · {t('servesAbroad')}</span>}
              {channel.hours && <span> · {channel.hours}</span>}
            </div>
            {a.instructions && <p class="channel-howto">{t('appHowTo', { hint: a.instructions })}</p>}
            {!enabled ? (
              <button type="button" class="channel-action" disabled>
                {label}
              </button>
            ) : a.href ? (
              <a
                class="channel-action"
                href={a.href}
                target={external ? '_blank' : undefined}
                rel="noopener noreferrer"
                onClick={() => onUse(channel, a)}
              >
                {label}
              </a>
            ) : (
              <button type="button" class="channel-action" onClick={() => onUse(channel, a)}>
                {label}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
