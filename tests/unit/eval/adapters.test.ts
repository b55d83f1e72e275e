import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, resolveDataset } from '../../../lib/eval/adapters/index';
import type { AdapterOptions, EvalRow, SkippedRow } from '../../../lib/eval/types';

const FIX = join(__dirname, '../../fixtures/eval');

async function load(path: string, options: AdapterOptions = {}): Promise<{ adapter: string; rows: EvalRow[]; skipped: SkippedRow[] }> {
  const { adapter, path: resolved } = resolveDataset(join(FIX, path));
  const skipped: SkippedRow[] = [];
  const rows: EvalRow[] = [];
  for await (const r of adapter.rows(resolved, { ...options, onSkip: (s) => skipped.push(s) })) rows.push(r);
  return { adapter: adapter.name, rows, skipped };
}

const labels = (rows: EvalRow[]) => rows.map((r) => r.label);

describe('dataset detection', () => {
  it('finds the adapter from a folder name or a file name', () => {
    expect(resolveDataset(join(FIX, 'sms_spam_uci')).adapter.name).toBe('sms_spam_uci');
    expect(resolveDataset(join(FIX, 'jobs_difraud_emscad/phishing_test.jsonl')).adapter.name).toBe('jobs_difraud_emscad');
    expect(resolveDataset(join(FIX, 'zh_telecom_fraud_texts5/label02-last.csv')).adapter.name).toBe('zh_telecom_fraud_texts5');
    expect(resolveDataset(join(FIX, 'labelled.jsonl')).adapter.name).toBe('jsonl');
  });

  it('resolves a bare folder name against REDFLAG_EVAL_DIR', () => {
    const before = process.env.REDFLAG_EVAL_DIR;
    process.env.REDFLAG_EVAL_DIR = FIX;
    try {
      expect(resolveDataset('crypto_cryptoscamdb').path).toBe(join(FIX, 'crypto_cryptoscamdb'));
    } finally {
      if (before === undefined) delete process.env.REDFLAG_EVAL_DIR;
      else process.env.REDFLAG_EVAL_DIR = before;
    }
  });

  it('explains a missing path and an unknown file', () => {
    expect(() => resolveDataset(join(FIX, 'no_such_dataset'))).toThrow(/no such file or folder/);
    expect(() => resolveDataset(join(FIX, 'unknown_format'))).toThrow(/no adapter reads this folder/);
    expect(() => resolveDataset(join(FIX, 'unknown_format/table.csv'))).toThrow(/no adapter reads this file/);
  });

  it('has one adapter per shared dataset folder, then the generic JSONL and text-folder ones', () => {
    expect(new Set(ADAPTERS.map((a) => a.name)).size).toBe(ADAPTERS.length);
    expect(ADAPTERS.slice(-2).map((a) => a.name)).toEqual(['jsonl', 'text_files']);
  });
});

describe('SMS adapters', () => {
  it('UCI: splits on the first tab, ham → benign, spam → spam, skips bad rows with a reason', async () => {
    const { rows, skipped } = await load('sms_spam_uci');
    expect(labels(rows)).toEqual(['benign', 'spam', 'benign']);
    expect(rows[0]!.input).toEqual({ surface: 'sms', text: 'See you at the bus stop at 6, bring the "big" umbrella' });
    expect(rows[1]!.input.text).toBe('You have won a holiday!\tReply WIN now');
    expect(skipped.map((s) => s.reason)).toEqual(['label "maybe" is not ham or spam', 'empty message']);
    expect(skipped[0]!.id).toBe('SMSSpamCollection.tsv:5');
  });

  it('Mishra-Soni: case-folds labels, smishing → impersonation, keeps multi-line messages', async () => {
    const { rows, skipped } = await load('sms_smishing_mishra_soni');
    expect(labels(rows)).toEqual(['benign', 'impersonation', 'impersonation', 'spam']);
    expect(rows[1]!.input.text).toBe('Your parcel is held.\r\nPay the small customs fee at the link');
    expect(rows.map((r) => r.group)).toEqual(['ham', 'smishing', 'smishing', 'spam']);
    expect(skipped).toHaveLength(1);
  });

  it('zh telecom: class 0 benign, classes 1-4 impersonation with the class as group', async () => {
    const { rows, skipped } = await load('zh_telecom_fraud_texts5');
    expect(labels(rows)).toEqual(['benign', 'impersonation', 'impersonation', 'impersonation', 'impersonation']);
    expect(rows.map((r) => r.group)).toEqual(['0 normal', '1 police/government', '2 loan/credit card', '3 customer service', '4 leader/acquaintance']);
    expect(rows[1]!.input.surface).toBe('sms');
    expect(skipped[0]!.reason).toMatch(/label_code "9"/);
  });

  it('zh telecom: a per-class file takes its label from the file name', async () => {
    const { rows } = await load('zh_telecom_fraud_texts5/label02-last.csv');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.label).toBe('impersonation');
    expect(rows[0]!.group).toBe('2 loan/credit card');
  });

  it('Indonesian and Vietnamese SMS: find the text and label columns by name', async () => {
    const id = await load('id_sms_spam_fraud');
    expect(labels(id.rows)).toEqual(['benign', 'impersonation', 'spam']);
    expect(id.rows[0]!.input.text).toBe('Halo, besok kita rapat jam 9');
    const vi = await load('vi_sms_smishing_ie403');
    expect(labels(vi.rows)).toEqual(['benign', 'impersonation']);
  });
});

describe('job and email adapters', () => {
  it('DIFrauD folder defaults to the job splits', async () => {
    const { rows, skipped } = await load('jobs_difraud_emscad');
    expect(labels(rows)).toEqual(['fake_job', 'benign']);
    expect(rows.every((r) => r.input.surface === 'job_post')).toBe(true);
    expect(skipped.map((s) => s.reason)).toEqual(['no text', 'label 7 is not 0 or 1']);
  });

  it('DIFrauD phishing part: emails, 1 → impersonation, bad JSON skipped', async () => {
    const { rows, skipped } = await load('jobs_difraud_emscad', { part: 'phishing' });
    expect(labels(rows)).toEqual(['impersonation', 'benign']);
    expect(rows[0]!.input.surface).toBe('email');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.reason).toMatch(/invalid JSON/);
    await expect(load('jobs_difraud_emscad', { part: 'nope' })).rejects.toThrow(/unknown part "nope"/);
  });

  it('DIFrauD jobs-anonymous part: the same job rows as structured posts without profile or logo', async () => {
    const plain = await load('jobs_difraud_emscad');
    const { rows } = await load('jobs_difraud_emscad', { part: 'jobs-anonymous' });
    expect(rows.map((r) => [r.id, r.label, r.input.text])).toEqual(plain.rows.map((r) => [r.id, r.label, r.input.text]));
    expect(rows.every((r) => r.input.fields?.has_company_logo === '0' && !r.input.fields.company_profile)).toBe(true);
    expect(plain.rows.every((r) => r.input.fields === undefined)).toBe(true);
  });

  it('EMSCAD full columns → job_post with fields, description as text', async () => {
    const { rows, skipped } = await load('jobs_emscad_fraud_subset');
    expect(labels(rows)).toEqual(['fake_job', 'benign']);
    const first = rows[0]!;
    expect(first.id).toBe('fraudulent_subset_3.csv:job_id=101');
    expect(first.input.title).toBe('Data Entry Clerk');
    expect(first.input.text).toBe('Type simple forms from home.\nPaid weekly.');
    expect(first.input.fields).toMatchObject({ salary: '40000-90000', location: 'US, NY, New York', function: 'Administrative', telecommuting: '1' });
    expect(first.input.fields).not.toHaveProperty('department');
    expect(skipped[0]!.reason).toMatch(/fraudulent="maybe"/);
  });

  it('EMSCAD: HTML entities kept by the scraper are decoded, as a browser shows them', async () => {
    const { decodeEntities } = await import('../../../lib/eval/adapters/jobs-emscad-fraud-subset');
    expect(decodeEntities('R&amp;D&nbsp;team &lt;b&gt; &quot;x&quot; it&#39;s &copy;')).toBe('R&D team <b> "x" it\'s &copy;');
  });
});

describe('URL adapters', () => {
  it('PhishTank: every row impersonation, grouped by target; --brand-only drops Other', async () => {
    const all = await load('phishing_phishtank_2021');
    expect(all.rows.map((r) => [r.input.url, r.group])).toEqual([
      ['http://paypa1-login.example/signin', 'PayPal'],
      ['https://some-random-host.example/x', 'Other'],
    ]);
    expect(all.skipped[0]!.reason).toBe('empty url');
    const brand = await load('phishing_phishtank_2021', { brandOnly: true });
    expect(brand.rows.map((r) => r.group)).toEqual(['PayPal']);
  });

  it('MetaMask config: blacklist positive, whitelist and fuzzylist benign, parts select one list', async () => {
    const all = await load('crypto_metamask_phishing_2022');
    expect(all.rows.map((r) => [r.input.url, r.label])).toEqual([
      ['https://wa11etbrand.example/', 'impersonation'],
      ['https://walletbrand-claim.example/', 'impersonation'],
      ['https://walletbrand-fans.example/', 'benign'],
      ['https://wallet-bran.example/', 'benign'],
      ['https://walletbrand.example/', 'benign'],
    ]);
    expect(all.skipped).toEqual([{ id: 'config.json#blacklist[2]', reason: 'not a hostname string' }]);
    const wl = await load('crypto_metamask_phishing_2022', { part: 'whitelist' });
    expect(labels(wl.rows)).toEqual(['benign', 'benign']);
  });

  it('Tranco, ASEAN IOCs, ScamSniffer and polkadot lists become URL inputs', async () => {
    const tranco = await load('benign_tranco_top50k');
    expect(tranco.rows.map((r) => r.input)).toEqual([
      { surface: 'url', url: 'https://google.com/' },
      { surface: 'url', url: 'https://example.org/' },
    ]);
    expect(tranco.skipped[0]!.id).toBe('tranco_top_50k.csv:rank=3');
    const asean = await load('asean_smishing_iocs');
    expect(asean.rows.map((r) => r.input.url)).toEqual(['https://telco-th.vip/', 'https://bank-my.top/']);
    const sniff = await load('crypto_scamsniffer');
    expect(sniff.rows[0]).toMatchObject({ label: 'impersonation', group: '2023' });
    const dot = await load('crypto_polkadot_phishing');
    expect(dot.rows.map((r) => r.input.url)).toEqual(['https://polka-claim.example/', 'https://bad-sub.example/']);
  });

  it('CryptoScamDB: Scamming → crypto_investment, Phishing → impersonation, Malware skipped', async () => {
    const { rows, skipped } = await load('crypto_cryptoscamdb');
    expect(rows.map((r) => [r.label, r.group])).toEqual([
      ['crypto_investment', 'Scamming/Trust-Trading'],
      ['impersonation', 'Phishing/MyEtherWallet'],
    ]);
    expect(skipped[0]!.reason).toMatch(/Malware/);
  });
});

describe('generic JSONL', () => {
  it('reads ScanInput fields and labels, explains every rejected line', async () => {
    const { rows, skipped } = await load('labelled.jsonl');
    expect(labels(rows)).toEqual(['pig_butchering', 'benign', 'spam', 'fake_job']);
    expect(rows[0]!.input.messages).toEqual([
      { from: 'them', text: 'my uncle has a trading app' },
      { from: 'me', text: 'really?' },
    ]);
    expect(rows[2]!.input.surface).toBe('page');
    expect(rows[3]!.input.fields).toEqual({ title: 'Typist', salary: '1200' });
    expect(skipped.map((s) => s.id)).toEqual(['labelled.jsonl:5', 'labelled.jsonl:6', 'labelled.jsonl:7', 'labelled.jsonl:9']);
    expect(skipped[0]!.reason).toMatch(/label "robbery"/);
    expect(skipped[1]!.reason).toMatch(/surface "fax"/);
    expect(skipped[2]!.reason).toMatch(/invalid JSON/);
    expect(skipped[3]!.reason).toMatch(/nothing|no text/);
  });
});

describe('folders of text files', () => {
  it('a folder named seeds is benign pages, one per file; empty files are skipped', async () => {
    const { adapter, rows, skipped } = await load('seeds');
    expect(adapter).toBe('text_files');
    expect(rows.map((r) => [r.id, r.label, r.input.surface])).toEqual([
      ['001_news.txt', 'benign', 'page'],
      ['002_news.txt', 'benign', 'page'],
    ]);
    expect(skipped).toEqual([{ id: '003_empty.txt', reason: 'empty file' }]);
  });

  it('any other folder needs --label, which must be a known label; .jsonl rows take it unless they carry their own', async () => {
    await expect(load('handwritten_pages')).rejects.toThrow(/needs --label/);
    await expect(load('handwritten_pages', { label: 'robbery' })).rejects.toThrow(/not a scam type/);
    const { rows } = await load('handwritten_pages', { label: 'crypto_investment' });
    expect(rows.map((r) => [r.id, r.label, r.input.surface])).toEqual([
      ['giveaway.txt', 'crypto_investment', 'page'],
      ['more.jsonl:1', 'crypto_investment', 'chat'],
      ['more.jsonl:2', 'benign', 'sms'],
    ]);
  });
});
