/**
 * Deterministic benchmark inputs built from the repository's own fixture pages (no network, no shared data):
 * page text of a given size, and chat histories.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractPage } from '@/lib/extract/extract-page';

const SITES = resolve(import.meta.dirname, '../e2e/sites');

/** Visible text of every fixture page (generic and adapter fixtures). */
export function fixtureTexts(): string[] {
  const files = [
    ...readdirSync(SITES).filter((f) => f.endsWith('.html')).map((f) => resolve(SITES, f)),
    ...readdirSync(resolve(SITES, 'adapters')).filter((f) => f.endsWith('.html')).map((f) => resolve(SITES, 'adapters', f)),
  ].sort();
  return files.map((f) => extractPage(parseHTML(readFileSync(f, 'utf8')).document as unknown as Document).text).filter(Boolean);
}

/** About `size` characters of page text: the fixture pages' text repeated, with numbered paragraphs. */
export function pageText(size: number): string {
  const texts = fixtureTexts();
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const t = `\n§${i} ${texts[i % texts.length]!}`;
    parts.push(t);
    length += t.length;
  }
  return parts.join('').slice(0, size);
}

/** Everyday chat lines (benign), used to build long histories. */
export const CHAT_LINES = [
  'Good morning! Did you sleep well?',
  'I am at the market now, do you need anything?',
  'The meeting moved to 3 pm, see you there.',
  'Haha that is so funny 😂',
  'Can you send me the photos from the weekend?',
  'Traffic is terrible today, I will be 10 minutes late.',
  'Happy birthday to your mum! 🎂',
  'Ok, thanks a lot.',
  'Let us have noodles tonight, my treat.',
  'Did you watch the football last night?',
];

export function chatLine(i: number): { from: 'them' | 'me'; text: string } {
  return { from: i % 3 === 0 ? 'me' : 'them', text: `${CHAT_LINES[i % CHAT_LINES.length]!} (${i})` };
}
