/**
 * Finds stated pay in text ("$3,000/month", "月薪1万元", "15000 บาท ต่อเดือน", "RM 8k sebulan", "300 USDT a day")
 * and converts it to approximate US dollars per month. Rough, static exchange rates: this only needs to tell
 * ordinary pay from implausibly high pay. Works on NORMALISED text (lower case, whitespace collapsed).
 */

export interface PayMention {
  usdMonthly: number;
  /** Span in the normalised text. */
  start: number;
  end: number;
}

/** Currency words/symbols (regex sources) and USD per unit. */
const CURRENCY_SOURCES: [string, number][] = [
  ['usdt|usdc|usd|us\\$|dollars?|\\$|美元|美金|u', 1],
  ['eur|€|euros?', 1.08],
  ['gbp|£|pounds?', 1.27],
  ['sgd|s\\$', 0.74],
  ['hkd|hk\\$', 0.128],
  ['rmb|cny|yuan|人民币|元|块|¥', 0.14],
  ['thb|baht|บาท|฿', 0.028],
  ['php|₱|pesos?', 0.017],
  ['idr|rp\\.?|rupiah', 0.000062],
  ['myr|rm|ringgit', 0.21],
  ['vnd|₫|đồng|đ|dong', 0.00004],
  ['khr|riels?|៛|រៀល', 0.00024],
  ['mmk|kyats?|ကျပ်', 0.00048],
  ['npr|रु\\.?|रुपैयाँ|rs\\.?', 0.0075],
  ['inr|₹', 0.012],
  ['jpy|円', 0.0067],
];
const AFTER = CURRENCY_SOURCES.map(([s, r]) => [new RegExp(`^\\s?(?:${s})(?![a-z])`, 'u'), r] as const);
const BEFORE = CURRENCY_SOURCES.map(([s, r]) => [new RegExp(`(?<![a-z])(?:${s})\\s?$`, 'u'), r] as const);

const MULTIPLIER = /^\s?(k|千|万|萬|w|triệu|tr|juta|jt|million|ribu|rb|lakhs?)(?![a-z\u00c0-\u024f\u1e00-\u1eff])/u;
const MULTIPLIERS: Record<string, number> = {
  k: 1e3, 千: 1e3, ribu: 1e3, rb: 1e3, 万: 1e4, 萬: 1e4, w: 1e4, lakh: 1e5, lakhs: 1e5, triệu: 1e6, tr: 1e6, juta: 1e6, jt: 1e6, million: 1e6,
};

const PER = '(?:\\s?/\\s?|\\s?per\\s|\\s?a\\s|\\s?an\\s|\\s?each\\s|\\s?every\\s|\\s?mỗi\\s|\\s?một\\s|\\s?setiap\\s|\\s?se|\\s?ต่อ\\s?|\\s?ក្នុង\\s?|\\s?每|\\s?一|\\s?/?)';
const PERIODS: [RegExp, number][] = [
  [new RegExp(`^${PER}(?:hour|hr|小时|ชั่วโมง|giờ|jam|ម៉ោង)`, 'u'), 160],
  [new RegExp(`^${PER}(?:day|daily|天|日|วัน|ngày|hari|ថ្ងៃ|ရက်|दिन)`, 'u'), 26],
  [new RegExp(`^${PER}(?:week|weekly|wk|周|週|สัปดาห์|tuần|minggu|សប្តាហ៍)`, 'u'), 4.33],
  [new RegExp(`^${PER}(?:year|yr|annual|annum|年|ปี|năm|tahun|ឆ្នាំ)`, 'u'), 1 / 12],
];

const AMOUNT = /(?<![\d,.])(\d{1,3}(?:[,. ]\d{3}){1,4}|\d{1,12})(?:[.,](\d{1,2}))?(?![\d,.]?\d)/gu;

function rateAfter(s: string): [number, number] | null {
  for (const [re, rate] of AFTER) {
    const m = re.exec(s);
    if (m) return [rate, m[0].length];
  }
  return null;
}

/** All pay mentions with a recognisable currency, in order (at most `max`). */
export function findPay(text: string, max = 20): PayMention[] {
  const found: PayMention[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const whole = Number(m[1]!.replace(/[,. ]/g, ''));
    let amount = m[2] ? whole + Number(`0.${m[2]}`) : whole;
    if (!amount) continue;
    let end = m.index + m[0].length;
    const mult = MULTIPLIER.exec(text.slice(end, end + 10));
    if (mult) {
      amount *= MULTIPLIERS[mult[1]!] ?? 1;
      end += mult[0].length;
    }
    // Currency right after the amount, or right before it (possibly before a range: "$800 - 1,500").
    let rate: number | null = null;
    const after = rateAfter(text.slice(end, end + 12));
    if (after) {
      rate = after[0];
      end += after[1];
    } else {
      const before = text.slice(Math.max(0, m.index - 24), m.index).replace(/\s?\d[\d,. ]*\s?(?:k|千|万)?\s?(?:-|–|~|to|到|至)\s?$/u, '');
      rate = BEFORE.find(([re]) => re.test(before))?.[1] ?? null;
    }
    if (rate === null) continue;
    const tail = text.slice(end, end + 24);
    const period = PERIODS.find(([re]) => re.test(tail));
    // A sum with no period is read as monthly (how job ads usually state pay).
    found.push({ usdMonthly: amount * rate * (period ? period[1] : 1), start: m.index, end });
    if (found.length >= max) break;
  }
  return found;
}
