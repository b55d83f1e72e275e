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
  return numberedParagraphs(fixtureTexts(), size);
}

/** The pieces in turn (repeated as needed) as numbered paragraphs, cut at `size` characters. */
function numberedParagraphs(pieces: readonly string[], size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const t = `\n§${i} ${pieces[i % pieces.length]!}`;
    parts.push(t);
    length += t.length;
  }
  return parts.join('').slice(0, size);
}

/**
 * About `size` characters of varied page text: the benign corpus (news, advisories, legit job ads, bank notices,
 * chats in ten languages; tests/corpus/benign) in file order, each piece once before any repeats. Unlike the fixture
 * pages, which repeat a few scam demos, this visits the many automaton states of real prose.
 */
export function variedText(size: number): string {
  const dir = resolve(import.meta.dirname, '../corpus/benign');
  const pieces: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const body = readFileSync(resolve(dir, f), 'utf8');
    if (!f.endsWith('.jsonl')) {
      pieces.push(body);
      continue;
    }
    for (const line of body.split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { text?: string; messages?: { text?: string }[] };
      if (row.text) pieces.push(row.text);
      for (const m of row.messages ?? []) if (m.text) pieces.push(m.text);
    }
  }
  return numberedParagraphs(pieces, size);
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
