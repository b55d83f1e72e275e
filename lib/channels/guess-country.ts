/**
 * A first guess of the user's country, from the browser's UI language and the system time zone.
 * Always shown to the user and changeable in options; never sent anywhere. Pure function.
 *
 * Order: the time zone says where the computer is (a Chinese-language browser in Asia/Phnom_Penh is in Cambodia);
 * when the zone is unknown or shared (UTC, Etc/*), the language's region ("en-GB"), then a language spoken mainly
 * in one country ("km" -> KH). Otherwise null: the caller shows global channels only.
 */

const ZONES: Record<string, string> = {
  'Asia/Phnom_Penh': 'KH', 'Asia/Bangkok': 'TH', 'Asia/Ho_Chi_Minh': 'VN', 'Asia/Saigon': 'VN', 'Asia/Vientiane': 'LA',
  'Asia/Yangon': 'MM', 'Asia/Rangoon': 'MM', 'Asia/Jakarta': 'ID', 'Asia/Makassar': 'ID', 'Asia/Jayapura': 'ID',
  'Asia/Pontianak': 'ID', 'Asia/Kuala_Lumpur': 'MY', 'Asia/Kuching': 'MY', 'Asia/Singapore': 'SG', 'Singapore': 'SG',
  'Asia/Manila': 'PH', 'Asia/Shanghai': 'CN', 'Asia/Chongqing': 'CN', 'Asia/Chungking': 'CN', 'Asia/Harbin': 'CN',
  'Asia/Urumqi': 'CN', 'PRC': 'CN', 'Asia/Hong_Kong': 'HK', 'Hongkong': 'HK', 'Asia/Macau': 'MO', 'Asia/Taipei': 'TW',
  'ROC': 'TW', 'Asia/Seoul': 'KR', 'ROK': 'KR', 'Asia/Tokyo': 'JP', 'Japan': 'JP', 'Asia/Kolkata': 'IN',
  'Asia/Calcutta': 'IN', 'Asia/Kathmandu': 'NP', 'Asia/Katmandu': 'NP', 'Asia/Karachi': 'PK', 'Asia/Dhaka': 'BD',
  'Asia/Dacca': 'BD', 'Europe/London': 'GB', 'GB': 'GB', 'Pacific/Auckland': 'NZ', 'NZ': 'NZ', 'Pacific/Chatham': 'NZ',
  'America/St_Johns': 'CA', 'America/Halifax': 'CA', 'America/Toronto': 'CA', 'America/Montreal': 'CA',
  'America/Winnipeg': 'CA', 'America/Regina': 'CA', 'America/Edmonton': 'CA', 'America/Vancouver': 'CA',
  'America/New_York': 'US', 'America/Chicago': 'US', 'America/Denver': 'US', 'America/Phoenix': 'US',
  'America/Los_Angeles': 'US', 'America/Anchorage': 'US', 'Pacific/Honolulu': 'US', 'America/Detroit': 'US',
  'US/Eastern': 'US', 'US/Central': 'US', 'US/Mountain': 'US', 'US/Pacific': 'US',
};
// Every Australia/* zone is in Australia.
const ZONE_PREFIXES: [string, string][] = [['Australia/', 'AU'], ['America/Indiana/', 'US'], ['America/Kentucky/', 'US']];

/** Languages spoken mainly in one country; a language without a region says nothing more than this. */
const LANGUAGE_COUNTRY: Record<string, string> = {
  km: 'KH', th: 'TH', vi: 'VN', id: 'ID', ms: 'MY', lo: 'LA', my: 'MM', ko: 'KR', ja: 'JP', tl: 'PH', fil: 'PH',
  ne: 'NP', ur: 'PK', bn: 'BD',
};
/** Chinese scripts/regions: zh-Hant without region is most often Taiwan. */
const CHINESE: Record<string, string> = { 'zh-hans': 'CN', 'zh-hant': 'TW' };

export function countryFromTimeZone(timeZone: string | undefined | null): string | null {
  if (!timeZone) return null;
  const direct = ZONES[timeZone];
  if (direct) return direct;
  for (const [prefix, country] of ZONE_PREFIXES) if (timeZone.startsWith(prefix)) return country;
  return null;
}

export function countryFromLanguage(language: string | undefined | null): string | null {
  if (!language) return null;
  const parts = language.replace(/_/g, '-').split('-');
  const lang = (parts[0] ?? '').toLowerCase();
  const region = parts.slice(1).find((p) => /^[a-z]{2}$/i.test(p));
  if (region) return region.toUpperCase();
  const script = parts.slice(1).find((p) => /^[a-z]{4}$/i.test(p));
  if (lang === 'zh') return CHINESE[`zh-${(script ?? 'hans').toLowerCase()}`] ?? 'CN';
  return LANGUAGE_COUNTRY[lang] ?? null;
}

export function guessCountry(uiLanguage: string | undefined | null, timeZone: string | undefined | null): string | null {
  return countryFromTimeZone(timeZone) ?? countryFromLanguage(uiLanguage);
}
