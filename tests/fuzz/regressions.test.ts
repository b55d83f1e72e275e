/**
 * Replays every saved fuzz failure (tests/fixtures/fuzz-regressions/*.json) through the real engine and shipped pack.
 * A fixture stores the input itself, or the run seed and index that regenerate it (inputs too big to store).
 * Hand-written fixtures may be added too: `{ "label": "...", "violations": [], "input": { ...ScanInput } }`.
 */
import { describe, expect, it } from 'vitest';
import { getShippedEngine, shippedPack } from '@/lib/shipped-engine';
import { generateCase, loadVocabulary } from './generate';
import { loadRegressions, runCase } from './harness';

const engine = getShippedEngine();
const regressions = loadRegressions();
let vocab: ReturnType<typeof loadVocabulary> | undefined;

describe('fuzz regressions', () => {
  it('has fixtures to replay', () => {
    expect(regressions.length).toBeGreaterThan(0);
  });

  for (const { name, fixture } of regressions) {
    it(`${name}: ${fixture.label}`, { timeout: 120_000 }, () => {
      let input = fixture.input;
      if (input === undefined) {
        expect(fixture.runSeed !== undefined && fixture.index !== undefined && fixture.count !== undefined, 'fixture needs input or runSeed/index/count').toBe(true);
        input = generateCase(fixture.runSeed!, fixture.index!, fixture.count!, (vocab ??= loadVocabulary(shippedPack))).input;
      }
      const r = runCase(engine, input, fixture.options, { warnLevel: shippedPack.scoring?.warnLevel ?? 'medium' });
      expect(r.violations).toEqual([]);
    });
  }
});
