/**
 * Destination countries named in a trafficking lure ("job in Sihanoukville", "西港高薪"), found in the evidence
 * excerpts of a finding. Only the scam-compound countries of the research (KH, MM, LA) are listed; a country is
 * reported when one of its place names occurs. Pure and small: runs over short excerpts, never whole pages.
 */
const PLACES: Record<string, readonly string[]> = {
  KH: ['cambodia', 'sihanoukville', 'phnom penh', 'poipet', 'bavet', 'kampot', 'campuchia', 'kamboja', 'kemboja',
    '柬埔寨', '西港', '金边', '波贝', '巴域', 'កម្ពុជា', 'ព្រះសីហនុ', 'ភ្នំពេញ', 'ប៉ោយប៉ែត', 'กัมพูชา', 'ปอยเปต', 'สีหนุ'],
  MM: ['myanmar', 'burma', 'myawaddy', 'shwe kokko', 'kk park', '缅甸', '缅北', '妙瓦底', '亚太城', 'เมียนมา', 'พม่า', 'เมียวดี',
    'miến điện', 'myanma'],
  LA: ['laos', 'golden triangle', 'bokeo', '老挝', '金三角', 'ສປປ ລາວ', 'lào', 'ประเทศลาว', 'สามเหลี่ยมทองคำ'],
};

export function lureCountries(excerpts: readonly string[]): string[] {
  const text = excerpts.join('\n').normalize('NFKC').toLowerCase();
  return Object.entries(PLACES)
    .filter(([, names]) => names.some((n) => text.includes(n)))
    .map(([country]) => country);
}

/** Rule ids that, by name, describe a lure abroad. */
const LURE_RULE = /traffick|compound|lure|abroad|overseas|relocat|free-(?:flight|ticket|visa)|no-visa/;

/**
 * Is this fake-job finding a trafficking lure? True when a rule that describes one fired, or when the evidence
 * names a scam-compound destination.
 */
export function isTraffickingLure(ruleIds: readonly string[], excerpts: readonly string[]): boolean {
  return ruleIds.some((id) => LURE_RULE.test(id)) || lureCountries(excerpts).length > 0;
}
