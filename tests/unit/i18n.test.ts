import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryName, resolveLanguage, ruleTexts, translator, uiLanguageFor } from '../../lib/i18n/i18n';
import { UI_LANGUAGES } from '../../lib/settings/settings-model';

const dir = new URL('../../public/_locales/', import.meta.url);
const load = (lang: string) => JSON.parse(readFileSync(new URL(`${lang}/messages.json`, dir), 'utf8')) as Record<string, { message: string }>;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const en = load('en');

  it('ships exactly the UI languages', () => {
    expect(readdirSync(dir).sort()).toEqual([...UI_LANGUAGES].sort());
  });

  it.each(UI_LANGUAGES.filter((l) => l !== 'en'))('%s has every English key, with the same placeholders, and is translated', (lang) => {
    const msgs = load(lang);
    expect(Object.keys(msgs).sort()).toEqual(Object.keys(en).sort());
    let same = 0;
    for (const [key, { message }] of Object.entries(en)) {
      expect(placeholders(msgs[key]!.message), `${lang}.${key}`).toEqual(placeholders(message));
      expect(msgs[key]!.message.trim().length, `${lang}.${key}`).toBeGreaterThan(0);
      if (msgs[key]!.message === message) same++;
    }
    // Names like "Redflag", "IBAN", "example.com" stay the same; everything else is translated.
    expect(same).toBeLessThan(10);
  });

  it('uses only characters Chrome accepts in message names', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });
});

describe('translator', () => {
  it('translates, fills placeholders and falls back to English', () => {
    expect(translator('km')('actionReport')).toBe('រាយការណ៍');
    expect(translator('vi')('doCall', { number: '156' })).toBe('Gọi 156');
    expect(translator('en')('reasonDestination', { country: 'Cambodia' })).toBe('If you are already in Cambodia');
    expect(translator('th')('nope' as never)).toBe('nope');
  });

  it.each([
    ['zh-CN', 'zh_CN'], ['zh-TW', 'zh_CN'], ['km', 'km'], ['km-KH', 'km'], ['vi-VN', 'vi'], ['th', 'th'],
    ['id', 'id'], ['in', 'id'], ['en-GB', 'en'], ['fr', 'en'], ['', 'en'],
  ])('browser language %s -> %s', (tag, expected) => {
    expect(uiLanguageFor(tag)).toBe(expected);
  });

  it('lets the user choice win over the browser language', () => {
    expect(resolveLanguage('th', 'en-US')).toBe('th');
    expect(resolveLanguage(null, 'vi')).toBe('vi');
  });

  it('names countries in the UI language', () => {
    expect(countryName('KH', 'en')).toBe('Cambodia');
    expect(countryName('KH', 'zh_CN')).toBe('柬埔寨');
  });
});

describe('rule explanations', () => {
  const rule = {
    title: 'Free flight abroad',
    why: 'Scam compounds pay travel to trap workers.',
    advice: 'Do not travel.',
    i18n: { km: { title: 'ជើងហោះហើរឥតគិតថ្លៃ', why: 'ហេតុផល' }, zh: { advice: '不要出行。' } },
  };

  it('uses the rule translation field by field, else English', () => {
    expect(ruleTexts(rule, 'km')).toEqual({ title: 'ជើងហោះហើរឥតគិតថ្លៃ', why: 'ហេតុផល', advice: 'Do not travel.', lang: 'km' });
    expect(ruleTexts(rule, 'zh_CN').advice).toBe('不要出行。');
    expect(ruleTexts(rule, 'vi')).toEqual({ title: rule.title, why: rule.why, advice: rule.advice, lang: 'en' });
  });
});
