/**
 * Structured job fields from markup that has no stable class names: "label: value" pairs in
 * definition lists, tables, and label/value element pairs, in the languages of the region
 * (English, Khmer, Thai, Vietnamese, Chinese, Malay/Indonesian, Burmese). Also finds the contact
 * channels a posting asks people to use (Telegram, WhatsApp, LINE, phone, e-mail).
 */
import type { JobFields } from '@/lib/engine/types';
import { queryAll, textOf } from './dom';

type FieldName = 'title' | 'company' | 'salary' | 'location' | 'contact';

/** Label words per field. Matched as a prefix of the label, case-insensitively, after trimming ":" and spaces. */
const LABELS: Record<FieldName, readonly string[]> = {
  title: ['job title', 'position', 'vacancy', 'មុខតំណែង', 'ตำแหน่ง', 'vị trí', '职位', '岗位', 'jawatan', 'posisi', 'ရာထူး'],
  company: ['company', 'employer', 'organization', 'organisation', 'hiring company', 'ក្រុមហ៊ុន', 'บริษัท', 'công ty', '公司', 'syarikat', 'perusahaan', 'ကုမ္ပဏီ'],
  salary: ['salary', 'wage', 'pay', 'compensation', 'income', 'ប្រាក់ខែ', 'ប្រាក់បៀវត្ស', 'เงินเดือน', 'lương', 'mức lương', '薪资', '薪水', '工资', '月薪', 'gaji', 'လစာ'],
  location: ['location', 'work location', 'address', 'city', 'province', 'ទីតាំង', 'អាសយដ្ឋាន', 'สถานที่', 'địa điểm', 'địa chỉ', '地点', '工作地点', '地址', 'lokasi', 'alamat', 'နေရာ'],
  contact: ['contact', 'phone', 'telephone', 'tel', 'mobile', 'email', 'e-mail', 'telegram', 'whatsapp', 'line id', 'wechat', 'ទំនាក់ទំនង', 'លេខទូរស័ព្ទ', 'ติดต่อ', 'โทร', 'liên hệ', 'điện thoại', '联系', '电话', 'hubungi', 'telefon', 'ဆက်သွယ်'],
};

/** Which field a label names, or null. */
export function fieldForLabel(label: string): FieldName | null {
  const l = label.replace(/[:：\s]+$/u, '').trim().toLowerCase();
  if (!l || l.length > 40) return null;
  for (const name of Object.keys(LABELS) as FieldName[]) {
    for (const word of LABELS[name]) {
      if (l === word || l.startsWith(word + ' ') || (l.startsWith(word) && !/[a-z]/.test(word))) return name;
    }
  }
  return null;
}

export interface LabelledField {
  name: FieldName;
  value: string;
  el: Element;
}

/**
 * Find label/value pairs inside `root`: <dt>/<dd>, <th>/<td>, and an element whose text is a label
 * followed by a sibling element with the value. The first value found for a field wins.
 */
export function labelledFields(root: ParentNode, maxPairs = 200): LabelledField[] {
  const found = new Map<FieldName, LabelledField>();
  const consider = (labelEl: Element, valueEl: Element | null) => {
    if (!valueEl) return;
    const name = fieldForLabel(textOf(labelEl, 60));
    if (!name || found.has(name)) return;
    const value = textOf(valueEl, 500).replace(/\s+/g, ' ').trim();
    if (value) found.set(name, { name, value, el: valueEl });
  };
  let n = 0;
  for (const dt of queryAll(root, 'dt, th, [class*="label" i], [class*="title" i] + *, strong, b')) {
    if (++n > maxPairs) break;
    const tag = dt.tagName.toUpperCase();
    if (tag === 'DT') consider(dt, nextElement(dt, 'DD'));
    else if (tag === 'TH') consider(dt, nextElement(dt, 'TD'));
    else consider(dt, dt.nextElementSibling);
  }
  // "Label: value" written inside one element (list items, paragraphs).
  for (const el of queryAll(root, 'li, p')) {
    if (++n > maxPairs * 2) break;
    const text = textOf(el, 300);
    const m = /^([^:：\n]{2,40})[:：]\s*(\S.*)$/u.exec(text);
    if (!m) continue;
    const name = fieldForLabel(m[1]!);
    if (name && !found.has(name)) found.set(name, { name, value: m[2]!.trim(), el });
  }
  return [...found.values()];
}

function nextElement(el: Element, tag: string): Element | null {
  let sib = el.nextElementSibling;
  while (sib && sib.tagName.toUpperCase() !== tag) sib = sib.nextElementSibling;
  return sib;
}

const CONTACT_PATTERNS: readonly RegExp[] = [
  /\b(?:https?:\/\/)?(?:t\.me|telegram\.me|wa\.me|api\.whatsapp\.com|line\.me|m\.me)\/[^\s"'<>)]+/giu,
  /(?<![\p{L}\p{N}_])(?:telegram|tg|whats\s?app|wa|line(?:\s?id)?|wechat|viber|signal)\s*(?:[:：]\s*@?|@)[\w.+-]{3,}/giu,
  /(?<![\w@])@[a-z][\w]{4,31}\b/giu,
  /\+?\d[\d\s().-]{7,16}\d/gu,
  // Starts only where a run of address characters starts: linear on "0-0-0-…" without an "@".
  /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu,
];

/** `s` without trailing sentence punctuation (a loop: a `[…]+$` regex is quadratic on long punctuation runs). */
function trimTrailingPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && '.,;:!?)'.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/**
 * The contact channels a text or its links mention, de-duplicated, joined with ", ".
 * Used when a page has no labelled contact field: the channel itself (a Telegram handle, a
 * WhatsApp link) is what the rules need to see.
 */
export function contactChannels(text: string, links: readonly string[] = [], max = 8): string {
  const out = new Set<string>();
  const add = (s: string) => {
    const v = trimTrailingPunctuation(s.replace(/\s+/g, ' ').trim());
    if (!v || out.size >= max) return;
    for (const have of out) if (have.includes(v)) return;
    out.add(v);
  };
  for (const link of links) {
    if (/^(?:tg|whatsapp|viber|tel|sms|mailto):/i.test(link) || /\/\/(?:t\.me|telegram\.me|wa\.me|api\.whatsapp\.com|line\.me|m\.me)\//i.test(link)) add(link);
  }
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const re of CONTACT_PATTERNS) {
    re.lastIndex = 0;
    for (const m of sample.matchAll(re)) {
      const v = m[0];
      // A bare digit run is a phone number only with enough digits.
      if (/^\+?[\d\s().-]+$/.test(v) && v.replace(/\D/g, '').length < 8) continue;
      add(v);
    }
  }
  return [...out].join(', ');
}

/** Merge labelled fields into `fields` where the adapter's own selectors found nothing. */
export function fillFromLabels(fields: JobFields, elements: Partial<Record<string, Element>>, root: ParentNode): void {
  for (const f of labelledFields(root)) {
    if (!fields[f.name]) {
      fields[f.name] = f.value;
      elements[f.name] = f.el;
    }
  }
}
