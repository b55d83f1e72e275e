/**
 * The content script's engine start-up: built and warmed up in slices with pauses between them, the warm-up scans
 * only pieces of the page's own text (never more than WARM_UP_CHARS) and changes no verdict; the sample is read
 * from text nodes, without scripts and styles.
 */
import { describe, expect, it } from 'vitest';
import { loadContentEngine, warmUpSteps } from '@/lib/content-engine';
import { WARM_UP_CHARS } from '@/lib/content-engine-loader';
import type { Engine, ScanInput } from '@/lib/engine/types';
import { pageSample } from '@/lib/observe/page-chunks';
import { contentPack } from '@/lib/rules/build-pack';
import { shippedPack } from '@/lib/shipped-engine';
import { fixtureTexts } from '../bench/corpus';
import { parsedDoc } from './observe/parsed-doc';

const json = JSON.stringify(contentPack(shippedPack));

describe('content engine start-up', () => {
  it('builds, then warms up on the sample, pausing between slices; verdicts are those of a cold engine', async () => {
    const texts = fixtureTexts();
    let pauses = 0;
    let samples = 0;
    const { engine, pack } = await loadContentEngine(async () => json, {
      sliceMs: 0,
      pause: async () => void pauses++,
      sample: () => (samples++, texts.join('\n')),
    });
    expect(samples).toBe(1);
    expect(pauses).toBeGreaterThan(20);
    expect(pack.version).toBe(shippedPack.version);
    const { engine: cold } = await loadContentEngine(async () => json, { sliceMs: 50, pause: async () => {} });
    for (const text of texts) {
      const input: ScanInput = { surface: 'page', text, url: 'http://example.test/' };
      expect(engine.scan(input)).toEqual(cold.scan(input));
    }
  });

  it('the warm-up scans growing pieces of at most WARM_UP_CHARS characters of the sample, one per step', () => {
    const scanned: string[] = [];
    const engine = { scan: (i: ScanInput) => (scanned.push(i.text ?? ''), { warn: false, level: 'none', type: null, score: 0, findings: [] }) } as unknown as Engine;
    const sample = 'word '.repeat(10_000);
    const steps = warmUpSteps(engine, sample);
    let n = 0;
    while (!steps.next().done) n++;
    expect(n).toBe(scanned.length);
    expect(scanned.slice(1).join('')).toBe(sample.slice(0, WARM_UP_CHARS));
    expect(Math.max(...scanned.map((s) => s.length))).toBeLessThanOrEqual(4_000);
    expect(scanned[1]!.length).toBeLessThan(scanned.at(-2)!.length);
  });

  it('a bad pack rejects', async () => {
    await expect(loadContentEngine(async () => '{"rules": 1}', { pause: async () => {} })).rejects.toThrow(/rules/);
  });

  it('pageSample reads visible text nodes up to the limit, without scripts and styles', () => {
    const { doc } = parsedDoc('<html><body><script>var secret = 1;</script><style>p{}</style><p>Hello   there</p><div><span>world</span></div></body></html>');
    expect(pageSample(doc.body, 100)).toBe('Hello   there world');
    expect(pageSample(doc.body, 8)).toBe('Hello   ');
  });
});
