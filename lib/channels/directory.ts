/**
 * The shipped channel directory. Import this only from extension pages (popup, options, report page) and Node:
 * the JSON is ~90 kB and has no place in the content script.
 */
import data from '../../seeds/channels.json';
import type { Channel, ChannelDirectory } from './channel-types';

export const DIRECTORY = data as ChannelDirectory;
export const CHANNELS: readonly Channel[] = DIRECTORY.channels;

const byId = new Map(CHANNELS.map((c) => [c.id, c]));

export function channelById(id: string): Channel | undefined {
  return byId.get(id);
}

/** Countries that have at least one channel of their own, sorted. */
export function countriesWithChannels(channels: readonly Channel[] = CHANNELS): string[] {
  return [...new Set(channels.map((c) => c.country).filter((c) => c !== 'global'))].sort();
}
