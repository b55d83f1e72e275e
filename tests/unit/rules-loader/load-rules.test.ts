import { describe, expect, test } from 'vitest';
import { createEngine } from '../../../lib/engine/index';
import { buildPack } from '../../../lib/rules/build-pack';
import { formatError, loadRuleDir } from '../../../lib/rules/load-rules';

const DIR = 'tests/fixtures/rules';
const opts = { sourcesPath: `${DIR}/sources.json` };

describe('rule loader on valid rules', () => {
  const loaded = loadRuleDir(`${DIR}/valid`, opts);

  test('loads without errors and checks every regex for ReDoS', () => {
    expect(loaded.errors.map(formatError)).toEqual([]);
    expect(loaded.rules.map((r) => r.rule.id)).toEqual(['deposit-to-unlock', 'news-framing']);
    expect(loaded.regexesChecked).toBe(1);
  });

  test('builds a pack without examples, with defaults filled in and a content hash', () => {
    const pack = buildPack(loaded);
    expect(pack.format).toBe(1);
    expect(pack.version).toMatch(/^[0-9a-f]{16}$/);
    expect(buildPack(loaded).version).toBe(pack.version);
    const r = pack.rules.find((x) => x.id === 'deposit-to-unlock')!;
    expect(r).toMatchObject({ weight: 4, role: 'detect', demandsAction: true, falsePositives: ['Training courses that charge a fee.'] });
    expect(r.detection.selections.find((s) => s.name === 'deposit')!.phrases).toEqual(['deposit', 'top up', 'recharge', '充值']);
    expect(pack.normalizedPhrases).toBe(true);
    expect(JSON.stringify(pack)).not.toContain('examples');
    const s = pack.rules.find((x) => x.id === 'news-framing')!;
    expect(s).toMatchObject({ role: 'suppress', suppresses: ['fake_job'], falsePositives: ['A scam page that quotes a news headline.'] });
  });

  test('the built pack runs in the engine', () => {
    const engine = createEngine(buildPack(loaded));
    expect(engine.scan({ surface: 'sms', text: '完成任务后需要充值才能提现' })).toMatchObject({ warn: true, type: 'fake_job', level: 'high' });
  });
});

describe('rule loader on malformed rules', () => {
  const loaded = loadRuleDir(`${DIR}/invalid`, opts);
  const lines = loaded.errors.map(formatError);
  const F = `${DIR}/invalid/fake-job`;

  test.each([
    ['id must equal file name', `${F}/id-mismatch.yaml: id: must equal the file name 'id-mismatch'`],
    ['type must match directory', `${F}/wrong-type.yaml: type: 'impersonation' does not match directory fake-job/ (expected fake_job)`],
    ['required field', `${F}/missing-why.yaml: why: required field is missing`],
    ['too few examples', `${F}/few-examples.yaml: examples.noMatch: needs at least 2 noMatch examples`],
    ['regex does not compile', `${F}/bad-regex.yaml: detection.deposit.regex[0]: invalid regular expression`],
    ['ReDoS', `${F}/redos-regex.yaml: detection.deposit.regex[0]: super-linear backtracking (exponential)`],
    ['condition names a missing selection', `${F}/bad-condition.yaml: detection.condition: unknown selection 'payment'`],
    ['reference not in sources', `${F}/missing-ref.yaml: references[1]: 'no-such-source' is not a source id`],
    ['unknown key', `${F}/typo-key.yaml: detection.task: `],
    ['enum value', `${F}/bad-level.yaml: level: `],
    ['YAML syntax', `${F}/bad-yaml.yaml: invalid YAML`],
    ['non-YAML file', `${F}/notes.txt: rule files must end in .yaml`],
    ['unknown directory', `${DIR}/invalid/scams: unknown rule directory`],
    ['suppressor role', `${DIR}/invalid/suppressors/not-suppress.yaml: role: rules in suppressors/ must have role: suppress`],
  ])('%s', (_kind, expected) => {
    expect(lines.some((l) => l.startsWith(expected)), `no error starting with\n  ${expected}\nin\n  ${lines.join('\n  ')}`).toBe(true);
  });

  test('invalid rules are not loaded, and every error names a file', () => {
    expect(loaded.rules).toEqual([]);
    for (const e of loaded.errors) expect(e.file).toMatch(/^tests\/fixtures\/rules\/invalid\//);
  });

  test('a missing sources catalogue makes every reference an error', () => {
    const r = loadRuleDir(`${DIR}/valid`, { sourcesPath: `${DIR}/no-such-file.json` });
    expect(r.errors.map(formatError)).toEqual([
      expect.stringMatching(/deposit-to-unlock\.yaml: references\[0\]: 'src-a' is not a source id/),
      expect.stringMatching(/news-framing\.yaml: references\[0\]: 'src-seed' is not a source id/),
    ]);
  });

  test('a missing rules directory is an error', () => {
    expect(loadRuleDir(`${DIR}/nope`, opts).errors.map(formatError)).toEqual([`${DIR}/nope: rules directory not found`]);
  });
});

describe('rules/scoring.yaml', () => {
  test('overrides the scoring constants in the pack', () => {
    const loaded = loadRuleDir(`${DIR}/scoring`, opts);
    expect(loaded.errors).toEqual([]);
    const pack = buildPack(loaded);
    expect(pack.scoring).toMatchObject({ thresholds: { low: 2, medium: 5, high: 8 }, warnLevel: 'high', levelWeights: { low: 1, medium: 2, high: 4 } });
    // one high rule = 4 points: below the new medium threshold
    expect(createEngine(pack).scan({ surface: 'sms', text: 'finish the task then recharge' })).toMatchObject({ warn: false, level: 'low', score: 4 });
  });

  test('a malformed scoring file is reported with field and reason', () => {
    const lines = loadRuleDir(`${DIR}/scoring-bad`, opts).errors.map(formatError);
    expect(lines).toContain(`${DIR}/scoring-bad/scoring.yaml: thresholds.high: required field is missing`);
    expect(lines.some((l) => l.startsWith(`${DIR}/scoring-bad/scoring.yaml: `) && l.includes('warnAt'))).toBe(true);
  });
});
