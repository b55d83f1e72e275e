/**
 * Equivalence check for engine speed work: scans many inputs with one engine and one rule pack and prints a hash of
 * every verdict (JSON) and of every normalised text with its offset maps. Run it for two engines against the SAME
 * pack (copy .generated/rule-pack.json aside first: others edit rules) and compare the hashes.
 *
 *   npx tsx tests/bench/verdict-hash.ts [--engine DIR] [--pack FILE]
 *
 * DIR: a lib/engine folder (default this checkout's; e.g. one unpacked with `git archive <commit> lib/engine`).
 * Inputs: the zh telecom, Mishra-Soni, UCI and DIFrauD (all parts) datasets when the shared eval folder is there,
 * tests/corpus, the fixture pages (as is, upper-cased, as chat), the 200 kB bench page, a chat history and 3,000
 * seeded mixes of obfuscation pieces (spaced letters, digit swaps, marks, invisibles, astral, lone surrogates).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evalDir, resolveDataset } from '../../lib/eval/adapters/index';
import type { Engine, ScanInput } from '../../lib/engine/types';
import type { NormalizedText } from '../../lib/engine/normalize-text';
import { chatLine, fixtureTexts, pageText } from './corpus';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const engineDir = resolve(arg('--engine') ?? resolve(import.meta.dirname, '../../lib/engine'));
const packFile = resolve(arg('--pack') ?? resolve(import.meta.dirname, '../../.generated/rule-pack.json'));
const { createEngine } = (await import(pathToFileURL(resolve(engineDir, 'index.ts')).href)) as { createEngine: (p: unknown) => Engine };
const { normalizeText } = (await import(pathToFileURL(resolve(engineDir, 'normalize-text.ts')).href)) as { normalizeText: (s: string) => NormalizedText };
const engine = createEngine(JSON.parse(readFileSync(packFile, 'utf8')));

const verdicts = createHash('sha256');
const normalized = createHash('sha256');
const sets: Record<string, { rows: number; hash: string }> = {};

async function run(name: string, inputs: AsyncIterable<ScanInput> | Iterable<ScanInput>): Promise<void> {
  const h = createHash('sha256');
  let rows = 0;
  for await (const input of inputs) {
    const json = JSON.stringify(engine.scan(input));
    h.update(json);
    verdicts.update(json);
    for (const s of [input.text, input.title, ...(input.messages ?? []).map((m) => m.text)]) {
      if (typeof s !== 'string') continue;
      const n = normalizeText(s);
      normalized.update(n.text);
      normalized.update(new Uint8Array(n.starts.buffer, n.starts.byteOffset, n.starts.byteLength));
      normalized.update(new Uint8Array(n.ends.buffer, n.ends.byteOffset, n.ends.byteLength));
      normalized.update(JSON.stringify([...n.ambiguous]));
    }
    rows++;
  }
  sets[name] = { rows, hash: h.digest('hex').slice(0, 16) };
}

async function* dataset(name: string, part?: string): AsyncGenerator<ScanInput> {
  const d = resolveDataset(name);
  for await (const r of d.adapter.rows(d.path, part ? { part } : {})) yield r.input;
}

function* corpus(): Generator<ScanInput> {
  for (const sub of ['benign', 'scam']) {
    const dir = resolve(import.meta.dirname, '../corpus', sub);
    for (const f of readdirSync(dir).sort()) {
      const body = readFileSync(resolve(dir, f), 'utf8');
      if (f.endsWith('.txt')) yield { surface: 'page', text: body };
      else if (f.endsWith('.jsonl')) {
        for (const line of body.split('\n')) {
          if (!line.trim()) continue;
          const { label: _label, id: _id, ...input } = JSON.parse(line) as Record<string, unknown>;
          yield { surface: 'page', ...input } as ScanInput;
        }
      }
    }
  }
}

function* synthetic(): Generator<ScanInput> {
  for (const t of fixtureTexts()) {
    yield { surface: 'page', text: t };
    yield { surface: 'page', text: t.toUpperCase() };
    yield { surface: 'chat', text: t };
  }
  yield { surface: 'page', title: 'Benchmark page', url: 'https://bench.example/page', text: pageText(200_000) };
  yield { surface: 'chat', messages: Array.from({ length: 300 }, (_, i) => chatLine(i)) };
  const pieces = ['T e l e g r a m', 'W.h.a.t.s.A.p.p', 'c0ntact', 'b1tc0in', 'u$dt', 'p@y', 'te1egram', 'crypt0', '  \n\t ', '\u00A0', 'e\u0301', 'a\u200B\u0301', '😂', '𝐔𝐒𝐃𝐓', 'Ｔｅｌｅｇｒａｍ', 'ﬁ', 'АРРLЕ', 'ก\u0E34', '工作', 'x\uD800y', '\uDC00', 'salary $5000 per month', 'USDT 500', 'a-b-c-d', '1 2 3', 'x.y.z', 'ıstanbul', 'İ', 'Straße', '\u2028', 'contact me on whatsapp +855 12 345 678', 'guaranteed profit 30% daily', 'deposit to unlock tasks', '4g web3 50usdt usd1500', 'mail@e.com', '$$$', 'A\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a', '\u0301start', '\uFEFF', '先后有30余名', '2 triệu/ngày', 'T' + 'a1b2c3'.repeat(6)];
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 3000; i++) {
    let s = '';
    for (let j = 1 + Math.floor(rnd() * 12); j > 0; j--) s += pieces[Math.floor(rnd() * pieces.length)]! + (rnd() < 0.5 ? ' ' : rnd() < 0.5 ? '' : rnd() < 0.5 ? '.' : '\n');
    yield { surface: rnd() < 0.8 ? 'page' : 'chat', text: s };
  }
}

const datasets: [string, string, string?][] = [
  ['zh', 'zh_telecom_fraud_texts5'],
  ['mishra', 'sms_smishing_mishra_soni'],
  ['uci', 'sms_spam_uci'],
  ['difraud', 'jobs_difraud_emscad', 'all'],
];
for (const [name, dir, part] of datasets) if (existsSync(resolve(evalDir(), dir))) await run(name, dataset(dir, part));
await run('corpus', corpus());
await run('synthetic', synthetic());
const total = Object.values(sets).reduce((n, s) => n + s.rows, 0);
console.log(JSON.stringify({ engine: engineDir, pack: packFile, total, verdicts: verdicts.digest('hex'), normalized: normalized.digest('hex'), sets }, null, 1));
