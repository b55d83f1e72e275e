/**
 * `npm run bench -- url` (or `npx tsx tests/bench/url.bench.ts`): time of one lib/url check (target <= 0.2 ms per URL), printed, never asserted.
 * URLs: a mix of benign top sites, phishing URLs and crypto look-alikes from ../shared/eval when present, else a
 * built-in sample. Also times urlFindings on a page with 200 links and the one-off list compilation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUrlAnalyzer } from '../../lib/url/analyze-url';
import { urlFindings } from '../../lib/url/url-findings';
import { median, percentile, verdictLine } from './stats';

const EVAL = process.env.REDFLAG_EVAL_DIR ?? join(import.meta.dirname, '../../../shared/eval');
const SAMPLE = [
  'https://www.paypal.com/signin', 'https://paypal-login-verify.com/x', 'https://xn--pypal-4ve.com/', 'https://bit.ly/3abc',
  'https://instagram-help.000webhostapp.com/', 'https://example.com/', 'https://metamask.io-sync.ru/', 'http://203.0.113.7/login',
];

function loadUrls(): string[] {
  const urls: string[] = [];
  const tranco = join(EVAL, 'benign_tranco_top50k/tranco_top_50k.csv');
  if (existsSync(tranco)) for (const l of readFileSync(tranco, 'utf8').split('\n').slice(0, 4000)) if (l.includes(',')) urls.push(`https://${l.split(',')[1]!.trim()}/`);
  const pt = join(EVAL, 'phishing_phishtank_2021/verified_online.csv');
  if (existsSync(pt)) for (const l of readFileSync(pt, 'utf8').split('\n').slice(1, 3001)) { const m = /^\d+,"?([^,"]+)/.exec(l); if (m) urls.push(m[1]!); }
  const mm = join(EVAL, 'crypto_metamask_phishing_2022/config.json');
  if (existsSync(mm)) urls.push(...(JSON.parse(readFileSync(mm, 'utf8')).blacklist as string[]).slice(0, 3000));
  return urls.length ? urls : Array.from({ length: 1000 }, (_, i) => SAMPLE[i % SAMPLE.length]!);
}

export default function run(): void {
  let t = performance.now();
  const analyzer = createUrlAnalyzer();
  const compileMs = performance.now() - t;
  const urls = loadUrls();
  for (const u of urls.slice(0, 500)) analyzer.analyze(u, { context: 'message' }); // warm-up
  const per: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const u of urls) {
      t = performance.now();
      analyzer.analyze(u, { context: 'message' });
      per.push(performance.now() - t);
    }
  }
  t = performance.now();
  for (const u of urls) analyzer.analyze(u, { context: 'message' });
  const mean = (performance.now() - t) / urls.length;
  const links = urls.slice(0, 200);
  const page = { surface: 'page' as const, url: 'https://blog.example.com/post', title: 'Post', text: 'Hello', links };
  urlFindings(page, { analyzer });
  const pageRuns: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    urlFindings(page, { analyzer });
    pageRuns.push(performance.now() - t);
  }
  console.log(`url: ${urls.length} URLs x3 (benign top sites, phishing, crypto look-alikes)`);
  console.log(`  one analyzeUrl: mean ${(mean * 1000).toFixed(1)} µs, median ${(median(per) * 1000).toFixed(1)} µs, p99 ${(percentile(per, 99) * 1000).toFixed(1)} µs, max ${(Math.max(...per)).toFixed(2)} ms`);
  console.log(`  urlFindings, page with ${links.length} links: median ${median(pageRuns).toFixed(2)} ms`);
  console.log(`  list compilation (once per background start): ${compileMs.toFixed(1)} ms`);
  console.log(`  ${verdictLine('target <= 0.2 ms per URL (mean)', mean <= 0.2)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) run();
