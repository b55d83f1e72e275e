import { describe, expect, test } from 'vitest';
import { createEngine, insideQuotes, MAX_FIELD_CHARS, PackError } from '../../../lib/engine/index';
import { engineOf, pack, rule } from './make-pack';

describe('engine: phrases, regex and evidence', () => {
  const engine = engineOf(
    { id: 'deposit', type: 'fake_job', level: 'high', selections: [{ name: 'dep', phrases: ['deposit to unlock', '充值解锁'] }] },
    { id: 'amount', type: 'crypto_investment', level: 'low', selections: [{ name: 'amt', regex: ['\\d{2,6} ?usdt'] }] },
  );

  test('evidence maps back to the original text', () => {
    const text = 'Please ＤＥＰＯＳＩＴ\u200B to unlock, send 500 USDT';
    const v = engine.scan({ surface: 'page', text });
    const dep = v.findings.find((f) => f.rule === 'deposit')!;
    expect(dep.evidence).toHaveLength(1);
    const e = dep.evidence[0]!;
    expect(e.field).toBe('text');
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.text).toBe('ＤＥＰＯＳＩＴ\u200B to unlock');
    const amt = v.findings.find((f) => f.rule === 'amount')!;
    expect(amt.evidence[0]!.text).toBe('500 USDT');
  });

  test('findings are ordered by weight and the top type wins', () => {
    const v = engine.scan({ surface: 'sms', text: 'deposit to unlock the tasks, 300 usdt' });
    expect(v.findings.map((f) => [f.rule, f.weight])).toEqual([
      ['deposit', 4],
      ['amount', 1],
    ]);
    expect(v).toMatchObject({ warn: true, level: 'high', type: 'fake_job', score: 4 });
  });

  test('nothing matched gives an empty verdict', () => {
    expect(engine.scan({ surface: 'page', text: 'A calm day at the beach.' })).toEqual({ warn: false, level: 'none', type: null, score: 0, findings: [] });
  });

  test('rules only run on their surfaces', () => {
    const e = engineOf({ id: 'sms-only', surfaces: ['sms'], selections: [{ name: 's', phrases: ['click here'] }] });
    expect(e.scan({ surface: 'sms', text: 'click here' }).findings).toHaveLength(1);
    expect(e.scan({ surface: 'page', text: 'click here' }).findings).toHaveLength(0);
  });

  test('scans title and job fields; field restricts where a selection looks', () => {
    const e = engineOf(
      { id: 'any', selections: [{ name: 's', phrases: ['typing job'] }] },
      { id: 'contact-only', selections: [{ name: 's', field: 'fields.contact', phrases: ['telegram'] }] },
      { id: 'title-only', selections: [{ name: 's', field: 'title', phrases: ['urgent'] }] },
    );
    const v = e.scan({ surface: 'job_post', title: 'Typing job', text: 'telegram urgent', fields: { contact: 'Telegram @boss' } });
    expect(v.findings.map((f) => f.rule).sort()).toEqual(['any', 'contact-only']);
    expect(v.findings.find((f) => f.rule === 'contact-only')!.evidence[0]).toEqual({ text: 'Telegram', start: 0, end: 8, field: 'fields.contact' });
    expect(e.scan({ surface: 'job_post', fields: { title: 'URGENT hiring' } }).findings.map((f) => f.rule)).toEqual(['title-only']);
  });

  test('min counts distinct phrases', () => {
    const e = engineOf({ id: 'perks', selections: [{ name: 'p', phrases: ['free flight', 'free visa', 'free housing'], min: 2 }] });
    expect(e.scan({ surface: 'page', text: 'free flight, free flight' }).findings).toHaveLength(0);
    expect(e.scan({ surface: 'page', text: 'free flight and free visa' }).findings).toHaveLength(1);
  });

  test('negated selections give no evidence', () => {
    const e = engineOf({ id: 'r', selections: [{ name: 'a', phrases: ['deposit'] }, { name: 'news', phrases: ['reported'] }], condition: 'a and not news' });
    expect(e.scan({ surface: 'page', text: 'deposit now' }).findings[0]!.evidence.map((x) => x.text)).toEqual(['deposit']);
    expect(e.scan({ surface: 'page', text: 'police reported a deposit scam' }).findings).toHaveLength(0);
  });
});

describe('engine: structured predicates', () => {
  test('URL predicates on url, links and URLs in text', () => {
    const e = engineOf({ id: 'host', selections: [{ name: 'u', url: { tld: ['top', 'xyz'], ip: true, userinfo: true } }] });
    expect(e.scan({ surface: 'page', url: 'https://binance-vip.top/login' }).findings).toHaveLength(1);
    expect(e.scan({ surface: 'page', url: 'http://192.168.4.1/x' }).findings).toHaveLength(1);
    expect(e.scan({ surface: 'page', url: 'https://bank.com@evil.example/' }).findings).toHaveLength(1);
    expect(e.scan({ surface: 'page', url: 'https://www.example.com/top' }).findings).toHaveLength(0);
    expect(e.scan({ surface: 'page', links: ['https://ok.com', 'https://a.xyz/'] }).findings[0]!.evidence[0]).toMatchObject({ field: 'links.1' });
    const sms = 'Your parcel is held: visit usps-redeliver.top/track now';
    const v = e.scan({ surface: 'sms', text: sms });
    const ev = v.findings[0]!.evidence[0]!;
    expect(sms.slice(ev.start, ev.end)).toBe('usps-redeliver.top/track');
  });

  test('hostSuffix matches the host and its subdomains only', () => {
    const e = engineOf({ id: 'sfx', selections: [{ name: 'u', field: 'url', url: { hostSuffix: ['example.com'] } }] });
    expect(e.scan({ surface: 'page', url: 'https://login.example.com/' }).findings).toHaveLength(1);
    expect(e.scan({ surface: 'page', url: 'https://EXAMPLE.com.' }).findings).toHaveLength(1);
    expect(e.scan({ surface: 'page', url: 'https://notexample.com/' }).findings).toHaveLength(0);
  });

  test('salary predicate converts amounts, currencies and periods', () => {
    const e = engineOf({ id: 'pay', selections: [{ name: 's', salary: { minUsdMonthly: 1500 } }] });
    const fires = (input: Parameters<typeof e.scan>[0]) => e.scan(input).findings.length === 1;
    expect(fires({ surface: 'page', text: 'Salary $3,000 per month' })).toBe(true);
    expect(fires({ surface: 'page', text: 'Earn 300 USDT a day' })).toBe(true);
    expect(fires({ surface: 'page', text: '月薪1万5 美元' })).toBe(false); // no clean amount+currency pair
    expect(fires({ surface: 'page', text: '月薪2万元' })).toBe(true); // 20,000 CNY ~ 2,800 USD
    expect(fires({ surface: 'page', text: 'เงินเดือน 15,000 บาท' })).toBe(false); // ~420 USD
    expect(fires({ surface: 'page', text: 'gaji Rp 5.000.000 per bulan' })).toBe(false);
    expect(fires({ surface: 'page', text: 'Pay: $15 per hour' })).toBe(true); // 2,400 per month
    expect(fires({ surface: 'page', text: 'We have 3000 happy customers' })).toBe(false); // no currency
    expect(fires({ surface: 'page', text: 'Salary $60,000 per year' })).toBe(true);
    expect(fires({ surface: 'page', text: 'Salary $12,000 per year' })).toBe(false);
    // a structured salary field wins over free text
    expect(fires({ surface: 'job_post', text: 'Earn $9000/month', fields: { salary: '$800 - $1,000' } })).toBe(false);
    expect(fires({ surface: 'job_post', fields: { salary: '$800 - 2,500 / month' } })).toBe(true);
  });

  test('missing fires only for job posts that give fields', () => {
    const e = engineOf({ id: 'anon', selections: [{ name: 'm', missing: ['company'] }] });
    expect(e.scan({ surface: 'job_post', fields: { title: 'Typist', company: '  ' } }).findings).toHaveLength(1);
    expect(e.scan({ surface: 'job_post', fields: { title: 'Typist', company: 'Acme Ltd' } }).findings).toHaveLength(0);
    expect(e.scan({ surface: 'job_post', text: 'Typist wanted' }).findings).toHaveLength(0);
  });
});

describe('insideQuotes', () => {
  const inside = (text: string, span: string) => {
    const a = text.indexOf(span);
    return insideQuotes(text, a, a + span.length);
  };
  test.each([
    ['straight quotes', 'The caller said "tell me the OTP you received" and hung up.', 'tell me the OTP', true],
    ['curly quotes', 'sinasabing “ibigay ang OTP para ma-verify”. Ayon sa NBI', 'ibigay ang OTP', true],
    ['guillemets', 'Он писал «переведите 100 USDT» жертвам', 'переведите 100 USDT', true],
    ['corner brackets', '她说「请先交20%的税才能提现」', '先交20%', true],
    ['German quotes', 'Er schrieb „zahlen Sie die Gebühr“ an alle', 'zahlen Sie', true],
    ['no quotation', 'Tell me the OTP you received', 'me the OTP', false],
    ['after a closed quotation', 'He said "hi" and then: tell me the OTP "ok"', 'tell me the OTP', false],
    ['a quotation cut by a line break', 'He said "send the fee\nnow" to us', 'send the fee', false],
    ['unclosed', 'He said "send the fee now to us', 'send the fee', false],
    ['after a closing curly mark', 'He said “hi” send the fee now', 'send the fee', false],
    ['straight quotes on a line too long to pair them', `${'x '.repeat(1500)}He said "send the fee" ok`, 'send the fee', false],
    ['straight quotes after an earlier line', 'a "b\nHe said "send the fee" ok', 'send the fee', true],
  ])('%s', (_name, text, span, want) => {
    expect(inside(text, span)).toBe(want);
  });
});

describe('engine: scoring and suppression', () => {
  const rules = [
    rule({ id: 'lure', type: 'fake_job', level: 'medium', selections: [{ name: 's', phrases: ['free flight'] }] }),
    rule({ id: 'pay-handle', type: 'fake_job', level: 'medium', demandsAction: true, selections: [{ name: 's', phrases: ['contact telegram'] }] }),
    rule({ id: 'coin', type: 'crypto_investment', level: 'low', selections: [{ name: 's', phrases: ['guaranteed profit'] }] }),
    rule({ id: 'news', type: 'fake_job', role: 'suppress', level: 'medium', suppresses: ['fake_job'], selections: [{ name: 's', phrases: ['police said'] }] }),
  ];
  const engine = createEngine(pack(rules));

  test('levels follow the thresholds; warn from medium', () => {
    expect(engine.scan({ surface: 'page', text: 'guaranteed profit' })).toMatchObject({ warn: false, level: 'low', type: 'crypto_investment', score: 1 });
    expect(engine.scan({ surface: 'page', text: 'free flight' })).toMatchObject({ warn: true, level: 'medium', score: 2 });
    expect(engine.scan({ surface: 'page', text: 'free flight, contact telegram' })).toMatchObject({ warn: true, level: 'high', score: 4 });
  });

  test('a suppressor lowers the listed types and is reported with negative weight', () => {
    const v = engine.scan({ surface: 'page', text: 'police said the ads offered a free flight' });
    expect(v).toMatchObject({ warn: false, level: 'none', type: null, score: 0 });
    expect(v.findings.map((f) => [f.rule, f.weight])).toEqual([
      ['lure', 2],
      ['news', -2],
    ]);
  });

  test('a suppressor does not touch types it does not list', () => {
    const v = engine.scan({ surface: 'page', text: 'police said: guaranteed profit, guaranteed' });
    expect(v).toMatchObject({ level: 'low', type: 'crypto_investment', score: 1 });
  });

  test('a detector that demands an action cancels the suppression of its type', () => {
    const v = engine.scan({ surface: 'page', text: 'police said free flight, contact telegram' });
    expect(v).toMatchObject({ warn: true, level: 'high', type: 'fake_job', score: 4 });
    expect(v.findings.find((f) => f.rule === 'news')!.weight).toBe(0);
  });

  test('a demand that occurs only inside a quotation (a report quoting the scammer) can be suppressed; the same demand made to the reader cannot', () => {
    const quoted = engine.scan({ surface: 'page', text: 'police said the recruiter wrote "contact telegram" to each applicant' });
    expect(quoted).toMatchObject({ warn: false, level: 'none', score: 0 });
    expect(quoted.findings.find((f) => f.rule === 'news')!.weight).toBe(-2);
    for (const text of ['police said: contact telegram', 'police said "hello", contact telegram', 'police said "contact telegram\nnow"']) {
      expect(engine.scan({ surface: 'page', text }), text).toMatchObject({ warn: true, level: 'medium', type: 'fake_job', score: 2 });
    }
  });

  test('thresholds and tie order come from the pack', () => {
    const strict = createEngine({ ...pack(rules), scoring: { ...pack(rules).scoring, thresholds: { low: 1, medium: 3, high: 6 }, warnLevel: 'high' } });
    expect(strict.scan({ surface: 'page', text: 'free flight, contact telegram' })).toMatchObject({ warn: false, level: 'medium', score: 4 });
    const tie = engineOf(
      { id: 'j', type: 'fake_job', selections: [{ name: 's', phrases: ['same words'] }] },
      { id: 'i', type: 'impersonation', selections: [{ name: 's', phrases: ['same words'] }] },
    );
    expect(tie.scan({ surface: 'page', text: 'same words' }).type).toBe('impersonation');
  });

  test('in a conversation, pig-butchering wins a tie for the top score; elsewhere the tie order decides', () => {
    const tie = engineOf(
      { id: 'c', type: 'crypto_investment', selections: [{ name: 's', phrases: ['pay the tax to withdraw'] }] },
      { id: 'p', type: 'pig_butchering', selections: [{ name: 's', phrases: ['pay the tax to withdraw'] }] },
      { id: 'i', type: 'impersonation', level: 'low', selections: [{ name: 's', phrases: ['agent'] }] },
    );
    const text = 'you must pay the tax to withdraw';
    expect(tie.scan({ surface: 'page', text }).type).toBe('crypto_investment');
    expect(tie.scan({ surface: 'sms', text }).type).toBe('crypto_investment');
    expect(tie.scan({ surface: 'chat', text }).type).toBe('pig_butchering');
    expect(tie.scan({ surface: 'chat', messages: [{ from: 'them', text }] }).type).toBe('pig_butchering');
    // not a tie: the higher score still wins in a chat
    const higher = engineOf(
      { id: 'c', type: 'crypto_investment', level: 'high', selections: [{ name: 's', phrases: ['pay the tax to withdraw'] }] },
      { id: 'p', type: 'pig_butchering', selections: [{ name: 's', phrases: ['pay the tax to withdraw'] }] },
    );
    expect(higher.scan({ surface: 'chat', messages: [{ from: 'them', text }] }).type).toBe('crypto_investment');
  });

  test('evidence from a context selection is marked as context; red flags are kept first when evidence is cut to 8', () => {
    const e = engineOf({
      id: 'ctx',
      selections: [
        { name: 'flag', phrases: ['free visa'] },
        { name: 'job', context: true, phrases: ['job', 'salary', 'work', 'hiring', 'position', 'company', 'employer', 'vacancy'] },
      ],
      condition: 'flag and job',
    });
    const v = e.scan({ surface: 'page', text: 'job salary work hiring position company employer vacancy - free visa' });
    const ev = v.findings[0]!.evidence;
    expect(ev).toHaveLength(8);
    expect(ev.find((x) => x.text === 'free visa')?.context).toBeUndefined();
    expect(ev.filter((x) => x.context).length).toBe(7);
    expect(ev.map((x) => x.start)).toEqual([...ev.map((x) => x.start)].sort((a, b) => a - b));
  });

  test('explicit weight overrides the level weight', () => {
    const e = engineOf({ id: 'w', level: 'low', weight: 5, selections: [{ name: 's', phrases: ['x marks'] }] });
    expect(e.scan({ surface: 'page', text: 'x marks' })).toMatchObject({ level: 'high', score: 5 });
  });
});

describe('engine: chats', () => {
  const stages = engineOf({
    id: 'pb-stages',
    type: 'pig_butchering',
    level: 'high',
    surfaces: ['chat'],
    selections: [
      { name: 'stage_contact', label: 'wrong-number opener', phrases: ['wrong number', 'sorry who is this'] },
      { name: 'stage_move', label: 'move to another app', phrases: ['add me on whatsapp', 'telegram'] },
      { name: 'stage_mentor', label: 'investment mentor', phrases: ['my uncle', 'my mentor'] },
      { name: 'stage_deposit', label: 'deposit', phrases: ['deposit'] },
    ],
    condition: '3 of stage_*',
  });

  test('a conversation that walks through stages fires, naming the stages seen', () => {
    const v = stages.scan({
      surface: 'chat',
      messages: [
        { from: 'them', text: 'Hi Anna, is this Lisa? Oh, wrong number, sorry!' },
        { from: 'me', text: 'No worries' },
        { from: 'them', text: "It's fate. Add me on WhatsApp?" },
        { from: 'them', text: 'My uncle trades gold, he taught me a lot' },
      ],
    });
    const f = v.findings[0]!;
    expect(f.rule).toBe('pb-stages');
    expect(f.stages).toEqual(['wrong-number opener', 'move to another app', 'investment mentor']);
    expect(f.message).toContain('investment mentor');
    expect(f.evidence.map((e) => e.field)).toEqual(['messages.0', 'messages.2', 'messages.3']);
    expect(v.warn).toBe(true);
  });

  test('no single decisive message: two stages are not enough', () => {
    const v = stages.scan({ surface: 'chat', messages: [{ from: 'them', text: 'wrong number' }, { from: 'them', text: 'my uncle' }] });
    expect(v.findings).toHaveLength(0);
  });

  test('chat text is parsed as Name: message lines, with offsets in the text', () => {
    const text = '[10:01] Lisa: sorry who is this?\nMe: Anna\nLisa: join me on telegram\n  it is easier\nLisa: my mentor is great';
    const v = stages.scan({ surface: 'chat', text });
    const f = v.findings[0]!;
    expect(f.stages).toHaveLength(3);
    for (const e of f.evidence) {
      expect(e.field).toBe('text');
      expect(text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  test('from: them ignores my own messages', () => {
    const e = engineOf({ id: 'ask', surfaces: ['chat'], selections: [{ name: 's', from: 'them', phrases: ['send the code'] }] });
    expect(e.scan({ surface: 'chat', messages: [{ from: 'me', text: 'send the code?' }] }).findings).toHaveLength(0);
    expect(e.scan({ surface: 'chat', messages: [{ from: 'them', text: 'send the code' }] }).findings).toHaveLength(1);
    expect(e.scan({ surface: 'chat', text: 'Me: hi\nBob: send the code' }).findings).toHaveLength(1);
    expect(e.scan({ surface: 'chat', text: 'Me: send the code\nBob: ok' }).findings).toHaveLength(0);
  });

  test('only a bounded window of the latest messages is scanned', () => {
    const old = Array.from({ length: 500 }, (_, i) => ({ from: 'them' as const, text: i === 0 ? 'wrong number, telegram, my uncle' : `message ${i}` }));
    expect(stages.scan({ surface: 'chat', messages: old }).findings).toHaveLength(0);
    const latest = [...old.slice(1), old[0]!];
    expect(stages.scan({ surface: 'chat', messages: latest }).findings).toHaveLength(1);
  });
});

describe('engine: limits and robustness', () => {
  const engine = engineOf(
    { id: 'a', selections: [{ name: 's', phrases: ['free flight'] }] },
    { id: 'b', selections: [{ name: 's', regex: ['x{2,5}y'] }] },
  );

  test('huge input is capped and marked truncated', () => {
    const text = 'free flight '.padEnd(5_000_000, 'lorem ipsum ');
    const v = engine.scan({ surface: 'page', text });
    expect(v.truncated).toBe(true);
    expect(v.findings.map((f) => f.rule)).toEqual(['a']);
    const late = engine.scan({ surface: 'page', text: 'a'.repeat(MAX_FIELD_CHARS) + ' free flight' });
    expect(late.findings).toHaveLength(0);
    expect(late.truncated).toBe(true);
  });

  test('an exhausted time budget stops the scan and says so', () => {
    const v = engine.scan({ surface: 'page', text: 'free flight' }, { budgetMs: -1 });
    expect(v.truncated).toBeUndefined(); // negative budget = no budget
    const many = createEngine(pack(Array.from({ length: 300 }, (_, i) => rule({ id: `r${i}`, selections: [{ name: 's', regex: ['(?:lorem ){1,3}dolor'] }] }))));
    const cut = many.scan({ surface: 'page', text: 'lorem ipsum '.repeat(20000) }, { budgetMs: 0 });
    expect(cut.truncated).toBe(true);
    expect(many.scan({ surface: 'page', text: 'lorem dolor' }).truncated).toBeUndefined();
  });

  test('malformed inputs never throw', () => {
    const bad = [null, 42, {}, { surface: 'nope', text: 5 }, { surface: 'chat', messages: [null, { from: 'x', text: 3 }] }, { surface: 'job_post', fields: { company: 7 } }, { surface: 'page', links: [null, 'http://['] }];
    for (const b of bad) expect(() => engine.scan(b as never)).not.toThrow();
  });

  test('a malformed pack is rejected naming the rule and field', () => {
    expect(() => createEngine({} as never)).toThrow(PackError);
    expect(() => createEngine(pack([rule({ id: 'bad-re', selections: [{ name: 'sel', regex: ['(unclosed'] }] })]))).toThrow(/bad-re.*detection\.sel\.regex\[0\]/);
    expect(() => createEngine(pack([rule({ id: 'bad-cond', selections: [{ name: 'sel', phrases: ['x'] }], condition: 'sel and other' })]))).toThrow(
      /bad-cond.*detection\.condition: unknown selection 'other'/,
    );
    expect(() => createEngine(pack([rule({ id: 'dup', selections: [{ name: 's', phrases: ['x'] }] }), rule({ id: 'dup', selections: [{ name: 's', phrases: ['y'] }] })]))).toThrow(/duplicate/);
  });

  test('exposes rules and version', () => {
    expect(engine.rules.map((r) => r.id)).toEqual(['a', 'b']);
    expect(engine.rule('a')).toMatchObject({ id: 'a', title: 'title of a', why: 'w' });
    expect(engine.rule('zz')).toBeUndefined();
    expect(engine.version).toBe('test');
  });
});

describe('engine: message indexes', () => {
  test('evidence names the message index in the whole chat, also past the window and around bad entries', () => {
    const e = engineOf({ id: 'code', surfaces: ['chat'], selections: [{ name: 's', phrases: ['send the code'] }] });
    const messages = [null, ...Array.from({ length: 999 }, (_, i) => ({ from: 'them', text: `m${i}` })), { from: 'them', text: 'send the code' }];
    const v = e.scan({ surface: 'chat', messages } as never);
    expect(v.findings[0]!.evidence[0]).toMatchObject({ field: 'messages.1000', text: 'send the code' });
  });
});

describe('engine: evidence only from matched selections', () => {
  test('a selection below its min gives no evidence even when the rule fires', () => {
    const e = engineOf({
      id: 'r',
      selections: [
        { name: 'a', phrases: ['deposit'] },
        { name: 'b', phrases: ['free flight', 'free visa'], min: 2 },
      ],
      condition: 'a or b',
    });
    const v = e.scan({ surface: 'page', text: 'deposit now, free flight' });
    expect(v.findings[0]!.evidence.map((x) => x.text)).toEqual(['deposit']);
  });
});
