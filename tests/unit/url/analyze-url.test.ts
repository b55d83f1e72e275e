import { describe, expect, it } from 'vitest';
import { analyzeUrl, createUrlAnalyzer, forwardedUrl } from '../../../lib/url/analyze-url';

const msg = (url: string) => analyzeUrl(url, { context: 'message' });
const rules = (url: string, context: 'page' | 'message' = 'message') => analyzeUrl(url, { context }).signals.map((s) => `${s.rule}:${s.level}`);

describe('precedence: official → known-bad → lookalike → suspicious → pass', () => {
  it('an official domain or its subdomain is official and suppresses every signal', () => {
    for (const u of ['https://www.paypal.com/signin', 'https://secure.paypal.com/login-verify', 'https://onlinesbi.sbi/', 'https://www.gov.uk/log-in-register-hmrc-online-services']) {
      const a = msg(u);
      expect(a.verdict, u).toBe('official');
      expect(a.reason).toBe('official-domain');
      expect(a.signals).toEqual([]);
    }
    expect(msg('https://accounts.google.com/').brand?.id).toBe('google');
  });

  it('a user page on an official platform\'s hosting host is not official', () => {
    const a = msg('https://sites.google.com/view/paypal-login/home');
    expect(a.verdict).not.toBe('official');
    expect(a.signals.map((s) => s.rule)).toContain('url-free-hosting');
  });

  it('known-bad comes before look-alike and names its list (structure; nothing shipped)', () => {
    const analyzer = createUrlAnalyzer({ knownBad: ['paypa1.com'] });
    const a = analyzer.analyze('https://login.paypa1.com/');
    expect(a.verdict).toBe('known_bad');
    expect(a.reason).toBe('known-bad-list');
    expect(msg('https://login.paypa1.com/').verdict).toBe('lookalike');
    // an official domain stays official even if a list wrongly carries it
    expect(createUrlAnalyzer({ knownBad: ['paypal.com'] }).analyze('https://paypal.com/').verdict).toBe('official');
  });

  it('look-alikes say which brand and which rule decided', () => {
    const cases: [string, string, string][] = [
      ['https://paypa1.com/', 'paypal', 'url-lookalike-domain'],
      ['https://xn--pypal-4ve.com/', 'paypal', 'url-lookalike-domain'],
      ['http://coinbasse.com/', 'coinbase', 'url-lookalike-domain'],
      ['https://binnace.com/', 'binance', 'url-lookalike-domain'],
      ['https://binance-claim.com/', 'binance', 'url-lookalike-domain'],
      ['https://paypal.com.secure-login.example/', 'paypal', 'url-brand-in-subdomain'],
      ['https://instagram-help.000webhostapp.com/', 'instagram', 'url-brand-in-subdomain'],
      ['https://metamask.io-sync.ru/', 'metamask', 'url-brand-in-subdomain'],
      ['https://bingoshop.rs/ebay.de.signin/', 'ebay', 'url-brand-in-path'],
      ['https://vietcombank-xacthuc.com/', 'vn-vietcombank', 'url-lookalike-domain'],
      ['https://kasikornbank-th.top/', 'th-kasikorn', 'url-lookalike-domain'],
      ['https://ababank-verify.com/', 'kh-aba', 'url-lookalike-domain'],
      ['https://shop-trezor.io/', 'trezor', 'url-lookalike-domain'], // CI07: exchange/wallet name + any hyphenated word
      ['https://binance-smart.com/', 'binance', 'url-lookalike-domain'],
    ];
    for (const [u, brand, rule] of cases) {
      const a = msg(u);
      expect(a.verdict, u).toBe('lookalike');
      expect(a.brand?.id, u).toBe(brand);
      expect(a.reason, u).toBe(rule);
      expect(a.signals.find((s) => s.rule === rule)?.detail, u).toMatch(/\S/);
    }
  });

  it('generic traits alone are "suspicious" and name the strongest rule', () => {
    expect(msg('https://bit.ly/3abcd').reason).toBe('url-shortener');
    expect(msg('https://foo.weebly.com/').reason).toBe('url-free-hosting');
    expect(msg('http://203.0.113.9/login').reason).toBe('url-ip-host');
    expect(msg('https://parcel-redelivery.top/').verdict).toBe('suspicious');
  });

  it('passes plain sites, private hosts and unparseable input with a reason', () => {
    expect(msg('https://example.com/').reason).toBe('no-signal');
    expect(msg('http://127.0.0.1:8080/login').reason).toBe('private-host');
    expect(msg('http://192.168.1.1/').verdict).toBe('pass');
    expect(msg('').verdict).toBe('invalid');
    expect(msg('http://').verdict).toBe('invalid');
    for (const u of ['mailto:support@paypa1.com', 'javascript:alert(1)', 'tel:+6512345678', 'data:text/html,hi', 'ftp://paypa1.com/']) {
      expect(msg(u).reason, u).toBe('not-a-web-address');
    }
    expect(msg('paypa1.com:8080/login').verdict).toBe('lookalike');
  });

  it('never throws and stays fast on hostile input', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'abcxyz019.-/:?#@%[]аοｐ\u0000 \u202e';
    for (let i = 0; i < 2000; i++) {
      let u = '';
      for (let j = 0, n = Math.floor(rnd() * 60); j < n; j++) u += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(() => msg(u)).not.toThrow();
      expect(() => msg('https://' + u)).not.toThrow();
    }
    const long = 'https://login-verify.example.top/' + 'a/'.repeat(200_000) + 'paypal.com';
    expect(msg(long).signals.length).toBeGreaterThan(0);
    expect(() => analyzeUrl(undefined as unknown as string)).not.toThrow();
  });
});

describe('DO NOT detect: near-miss legitimate domains', () => {
  it.each([
    'https://finance.yahoo.com/', 'https://apple-dns.net/', 'https://amazon-adsystem.com/', 'https://star-telegram.com/',
    'https://tencent-cloud.com/', 'https://kotaku.com/', 'https://kodak.com/', 'https://icloud-content.com/', 'https://scloud.ru/',
    'https://mail.ru/', 'https://cash.app/', 'https://axis.com/', 'https://tp-link.com/', 'https://finance.gov.bd/',
    'https://www.amazon.co.jp/', 'https://shopeepay.sg/', 'https://mygov.in/', 'https://govdelivery.com/', 'https://idefix.com/',
    'https://walletconnect.com/', 'https://www.security.org/', 'https://app.link/', 'https://forms.gle/', 'https://github.com/',
  ])('%s does not warn as a message link', (u) => {
    const weights = { low: 1, medium: 2, high: 4 } as const;
    const score = msg(u).signals.reduce((n, s) => n + weights[s.level], 0);
    expect(score, rules(u).join(' ')).toBeLessThan(2);
  });
});

describe('context: page vs message', () => {
  it('free hosting and shorteners are weak on pages and medium in messages', () => {
    expect(rules('https://myblog.blogspot.com/2024/post.html', 'page')).toEqual(['url-free-hosting:low']);
    expect(rules('https://myblog.blogspot.com/2024/post.html', 'message')).toEqual(['url-free-hosting:medium']);
    expect(rules('https://bit.ly/xyz', 'page')).toEqual(['url-shortener:low']);
    expect(rules('https://bit.ly/xyz', 'message')).toEqual(['url-shortener:medium']);
    // In a message with words of its own (genuine operator, shop and clinic SMS use shortened links) it stays weak.
    expect(analyzeUrl('https://bit.ly/xyz', { context: 'message', withText: true }).signals.map((x) => `${x.rule}:${x.level}`)).toEqual(['url-shortener:low']);
  });

  it('flags hosting by full hostname, never the whole platform', () => {
    expect(rules('https://www.weebly.com/')).toEqual([]);
    expect(rules('https://000webhostapp.com/')).toEqual([]);
    expect(rules('https://docs.google.com/forms/d/e/x/viewform')).toEqual(['url-free-hosting:medium']);
    expect(msg('https://mail.google.com/').verdict).toBe('official');
    expect(msg('https://www.google.com/search?q=x').verdict).toBe('official');
  });

  it('phishing-kit paths and cheap suffixes add up only in messages', () => {
    const kit = 'http://shop.example.org/x/signin/customer_center/customer-IDPP00C712/myaccount/';
    expect(rules(kit, 'message')).toContain('url-deceptive-words:medium');
    expect(rules(kit, 'page')).not.toContain('url-deceptive-words:medium');
    expect(rules('http://shop.example.org/account/signin', 'message')).not.toContain('url-deceptive-words:medium');
    expect(rules('https://activation-page-notice.my.id/')).toEqual(['url-suspicious-tld:low', 'url-deceptive-words:low']);
    expect(rules('http://weeniecat.example/.well-known/pki-validation/login/login.php?x=1')).toContain('url-compromised-site:medium');
  });

  it('login paths on hacked sites count only for message links', () => {
    expect(rules('https://example-shop.com/wp-content/themes/x/login.php', 'message')).toContain('url-compromised-site:medium');
    expect(rules('https://example-shop.com/wp-content/themes/x/login.php', 'page')).not.toContain('url-compromised-site:medium');
    expect(rules('https://example-shop.com/wp-content/uploads/2024/01/menu.pdf', 'message')).not.toContain('url-compromised-site:medium');
  });
});

describe('forwarded URLs', () => {
  it('finds the destination in redirect parameters and base64 segments', () => {
    expect(forwardedUrl('https://r.example.com/?url=https%3A%2F%2Fevil.top%2Flogin')).toBe('https://evil.top/login');
    expect(forwardedUrl('https://t.example.com/lnk/AB/1/aHR0cHM6Ly9iaXQubHkvM2NWUld4eQ')).toBe('https://bit.ly/3cVRWxy');
    expect(forwardedUrl('https://example.com/page?id=3')).toBeUndefined();
  });

  it('lifts the destination\'s signals into the link\'s analysis', () => {
    const a = msg('https://t.example.com/lnk/AB/1/aHR0cHM6Ly9iaXQubHkvM2NWUld4eQ');
    expect(a.signals.map((s) => s.rule)).toContain('url-shortener');
    expect(a.signals[0]!.detail).toMatch(/forwards to bit\.ly/);
  });
});

describe('government look-alikes (IM14)', () => {
  it('flags government-looking labels off government suffixes only', () => {
    expect(msg('https://gov-uk-refund.com/').reason).toBe('url-lookalike-domain');
    expect(msg('https://irs-gov.help/').reason).toBe('url-lookalike-domain');
    expect(msg('https://www.gov.uk/').verdict).toBe('official');
    expect(msg('https://www.police.gov.sg/').verdict).toBe('official');
    expect(msg('https://example.gov.sg/').verdict).toBe('pass');
  });
});

/** New generic signals (2026-11-22): each with matches and a "do not detect" near-miss list, eth-phishing-detect style. */
describe('message-link traits added for PhishTank-style kits', () => {
  const warns = (url: string) => msg(url).signals.some((s) => s.level !== 'low');

  it('a login/verify step as a script file name (Login.php, signin.htm) makes path words medium', () => {
    for (const u of ['https://example-shop.com/fam/Login.php', 'http://example.org/dir/signin.php?x=1', 'https://example.net/a/myaccount_done.htm'])
      expect(rules(u), u).toContain('url-deceptive-words:medium');
    // near misses: the same words without a script file, a script that is not a login step, or a page context
    for (const u of ['https://example.com/blog/how-to-login', 'https://example.com/index.php?id=3', 'https://example.com/news/update.html#top'.replace('update', 'latest')])
      expect(warns(u), u).toBe(false);
    expect(rules('https://example-shop.com/fam/Login.php', 'page').some((r) => r.endsWith(':medium'))).toBe(false);
  });

  it('a hyphenated host made only of account-security jargon with a credential word is medium', () => {
    for (const u of ['https://cancel-request-device.com/', 'https://decline-new-payee.com/', 'https://review-my-newtransaction.com/'])
      expect(rules(u), u).toContain('url-deceptive-words:medium');
    // near misses: a real name among the words, no credential word, or no hyphen
    for (const u of ['https://cancel-culture-podcast.com/', 'https://customer-service-help.com/', 'https://securitytracking.com/', 'https://apple-device-review.com/'])
      expect(rules(u), u).not.toContain('url-deceptive-words:medium');
  });

  it('filler glued to a brand beside only action or context words is a look-alike (myroyalmail-fee)', () => {
    for (const u of ['https://myroyalmail-fee.com/', 'https://mypaypal-verify.net/']) expect(msg(u).verdict, u).toBe('lookalike');
    for (const u of ['https://myroyalmail-fanclub.com/', 'https://mypaypal-stories.net/']) expect(msg(u).verdict, u).not.toBe('lookalike');
  });

  it('a brand name as a whole label of a foreign domain in a message link is medium; community subdomains stay low', () => {
    for (const u of ['https://facebook.example-cdn.eu/', 'https://netflix.pl.example.com/flex/', 'https://app-netflix.billing.example-host.com/'])
      expect(msg(u).verdict, u).toBe('lookalike');
    for (const u of ['https://apple.stackexchange.com/questions/1', 'https://facebook.example.com/']) expect(msg(u).verdict, u).not.toBe('lookalike');
    expect(analyzeUrl('https://facebook.example-cdn.eu/', { context: 'page' }).verdict).not.toBe('lookalike');
  });

  it('government-looking labels run together (ukgov-refund) count; words that only contain gov do not', () => {
    expect(rules('https://ukgov-refund.net/')).toContain('url-lookalike-domain:high');
    for (const u of ['https://mygov.in/', 'https://sgov.com/', 'https://ukgovernance.org/']) expect(rules(u), u).not.toContain('url-lookalike-domain:high');
  });

  it('new protected organisations: official domains are official, look-alikes are caught', () => {
    for (const u of ['https://www.absa.co.za/', 'https://www.pkobp.pl/', 'https://localbitcoins.com/', 'https://www.t-mobile.pl/', 'https://spotify.link/x'])
      expect(msg(u).verdict, u).toBe('official');
    for (const u of ['https://localbitcoims.com/', 'https://capitec-verify.com/', 'https://olx.pay-safe.site/receive/1']) expect(msg(u).verdict, u).toBe('lookalike');
  });
});

describe('hosting and word lists added 2026-11-22', () => {
  it('file-sharing and form hosts count on their content hostnames only, with a path', () => {
    for (const u of ['https://www.dropbox.com/s/abc123/Balance_Summary.htm', 'https://app.box.com/s/x6agoc', 'https://share.hsforms.com/1OWoQ', 'https://someone.typeform.com/to/abc'])
      expect(rules(u), u).toContain('url-free-hosting:medium');
    for (const u of ['https://www.dropbox.com/', 'https://www.typeform.com/pricing', 'https://box.com/']) expect(rules(u), u).not.toContain('url-free-hosting:medium');
  });

  it('credential words of non-English kits (rimborso, sicurezza, atualizacao) join a brand like their English forms', () => {
    for (const u of ['https://paypal-rimborso.com/', 'https://sicurezza-intesasanpaolo.example/', 'https://royalmail-scheduled.com/']) expect(msg(u).verdict, u).toBe('lookalike');
    for (const u of ['https://paypal-storia.com/', 'https://intesasanpaolo-arena.example/', 'https://royalmail-history.com/']) expect(msg(u).verdict, u).not.toBe('lookalike');
  });
});

describe('url-recipient-email', () => {
  it('an address in the fragment or base64 in path/fragment is medium; a plain query address is low; pages stay silent', () => {
    expect(rules('https://example.com/x/#someone@example.org')).toContain('url-recipient-email:medium');
    expect(rules('https://example.com/x/c29tZW9uZUBleGFtcGxlLm9yZw')).toContain('url-recipient-email:medium');
    expect(rules('https://news.example.com/unsubscribe?email=someone@example.org')).toContain('url-recipient-email:low');
    expect(rules('https://example.com/x/#someone@example.org', 'page').some((r) => r.startsWith('url-recipient-email'))).toBe(false);
    // near misses: an @ handle, a base64 token that is not an address, a mailto-like text without a domain
    for (const u of ['https://example.com/@someone', 'https://example.com/#section-2', 'https://example.com/aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ', 'https://example.com/#user@localhost'])
      expect(rules(u).some((r) => r.startsWith('url-recipient-email')), u).toBe(false);
  });
});

describe('sound-alike letters (c/k, s/z) inside names of 7+ letters', () => {
  it('lokalbitcoins and coinbaze-style replacements are typosquats; short names and outer letters are not', () => {
    for (const u of ['https://lokalbitcoins.date/', 'https://localbitkoins.com/', 'https://kuzoin-app.example/'.replace('kuzoin-app', 'polkaztarter')])
      expect(msg(u).verdict, u).toBe('lookalike');
    // near misses: a 6-letter name (kraken → craken), the first letter (coinbase → koinbase), other vowel-like swaps
    for (const u of ['https://craken.com/', 'https://koinbase.com/', 'https://metamusk.com/']) expect(msg(u).verdict, u).not.toBe('lookalike');
  });
});

describe('misspellings of national organisations on another country\'s ending', () => {
  it('are left alone; on generic endings or the organisation\'s own country they still count', () => {
    // vn-agribank (VN): agibank.com.br is another country's own name
    expect(msg('https://agibank.com.br/').verdict).not.toBe('lookalike');
    for (const u of ['https://agibank.com/', 'https://agibank.vn/']) expect(msg(u).verdict, u).toBe('lookalike');
    // global brands keep their typos everywhere
    expect(msg('https://coinbsse.com.br/').verdict).toBe('lookalike');
  });
});

describe('crypto lures: airdrop alone, or two crypto nouns with a login/lure word of their own', () => {
  it('matches airdrop hosts and noun pairs with an action, not giveaways in general or noun pairs alone', () => {
    for (const u of ['https://holders-airdrop.example/', 'https://dex-airdrops.com/', 'https://eth-wallet-restore.com/'.replace('restore', 'secure')])
      expect(rules(u), u).toContain('url-crypto-lure:medium');
    for (const u of ['https://giveawayoftheday.com/', 'https://aetherwallet.io/', 'https://wallet-token-member.example/'.replace('member', 'museum')])
      expect(rules(u), u).not.toContain('url-crypto-lure:medium');
  });
});

describe('brand folders in a message link to a page file of an unrelated site', () => {
  it('count without a login word (/lloyds/index.php); article slugs and pages without a file stay silent', () => {
    for (const u of ['https://example-garden.com/lloyds/index.php', 'http://example.org/x/absa.scp/sc.php'])
      expect(rules(u), u).toContain('url-brand-in-path:medium');
    for (const u of ['https://example-news.com/2024/paypal-raises-fees.html', 'https://example-garden.com/lloyds/', 'https://example.com/about.php'])
      expect(rules(u).some((r) => r.startsWith('url-brand-in-path')), u).toBe(false);
    expect(rules('https://example-garden.com/lloyds/index.php', 'page').some((r) => r.startsWith('url-brand-in-path'))).toBe(false);
  });
});

describe('IP address written into a host name', () => {
  it('is an IP host in a message link; version numbers, dates and official hosts are not', () => {
    for (const u of ['http://151-236-54-165.static.example.net/a/b.php', 'http://35.201.247.255.bc.googleusercontent.com/home/'])
      expect(rules(u), u).toContain('url-ip-host:medium');
    for (const u of ['https://v1-2-3.example.com/', 'https://2024-11-22-10.example.com/', 'https://ec2-3-4-5-6.compute.amazonaws.com/'.replace('amazonaws.com', 'example.com').replace('ec2-3-4-5-6', 'build-3-4-5')])
      expect(rules(u).some((r) => r.startsWith('url-ip-host')), u).toBe(false);
    expect(rules('http://151-236-54-165.static.example.net/', 'page')).toContain('url-ip-host:low');
  });

  it('shorteners and link pages added: bitly.com, j.mp, heylink.me', () => {
    for (const u of ['https://bitly.com/3kOabc', 'https://j.mp/2ZZabc']) expect(rules(u), u).toContain('url-shortener:medium');
    expect(rules('https://heylink.me/some-page/')).toContain('url-free-hosting:medium');
    expect(rules('https://bitly.com/')).not.toContain('url-shortener:medium');
  });
});

describe('an official non-.com domain with a country ending glued on', () => {
  it('is a look-alike (stellar.org.ma); name.com.xx country sites are not', () => {
    for (const u of ['https://accountviewer.stellar.org.ma/', 'https://metamask.io.vn/']) expect(msg(u).verdict, u).toBe('lookalike');
    for (const u of ['https://google.com.ar/', 'https://airbnb.com.br/', 'https://stellar.ma/']) expect(msg(u).verdict, u).not.toBe('lookalike');
  });
});

describe('one replaced letter in a name of 11+ letters (within the two-edit allowance)', () => {
  it('counts for long names (myethelwallet); shorter names still need a neighbouring key', () => {
    for (const u of ['https://myethelwallet.com/', 'https://myetherwellet.com/']) expect(msg(u).verdict, u).toBe('lookalike');
    for (const u of ['https://metamesk.com/', 'https://coinbame.com/']) expect(msg(u).verdict, u).not.toBe('lookalike');
  });
});

describe('a long name without its last letter', () => {
  it('counts from 11 letters (localbitcoin); shorter names do not (coinbas, metamas)', () => {
    expect(msg('https://localbitcoin.com/').verdict).toBe('lookalike');
    for (const u of ['https://coinbas.com/', 'https://metamas.com/']) expect(msg(u).verdict, u).not.toBe('lookalike');
  });
});

describe('DeFi/NFT project names with any hyphenated word', () => {
  it('count like exchanges and wallets (uniswap-event, polkastarter-sale); the project\'s own service domain and short or embedded names do not', () => {
    for (const u of ['https://uniswap-event.net/', 'https://polkastarter-sale.com/']) expect(msg(u).verdict, u).toBe('lookalike');
    expect(msg('https://polygon-rpc.com/').verdict).toBe('official');
    for (const u of ['https://lido-garden.com/', 'https://uniswapper.com/'.replace('uniswapper', 'cyberpolygon')]) expect(msg(u).verdict, u).not.toBe('lookalike');
  });
});

describe('crypto names with a version tag or my/official glued on', () => {
  it('count (v3uniswap, myuniswap, officialmetamask); <name>app and other words do not', () => {
    for (const u of ['https://v3uniswap.com/', 'https://officialmetamask.net/', 'https://myuniswap.com/']) expect(msg(u).verdict, u).toBe('lookalike');
    for (const u of ['https://bitgetapp.com/', 'https://uniswapper.com/', 'https://ledgerinsights.com/']) expect(msg(u).verdict, u).not.toBe('lookalike');
  });
});

describe('webmail/upgrade script pages and re-schedule jargon', () => {
  it('webmail.php in a message link and re-schedule-delivery hosts are medium; a webmail help article and schedule-only hosts are not', () => {
    for (const u of ['https://example.org/x/webmail.php', 'https://re-schedule-delivery.example/']) expect(rules(u), u).toContain('url-deceptive-words:medium');
    for (const u of ['https://example.org/help/webmail-guide', 'https://re-schedule-meeting.example/']) expect(rules(u), u).not.toContain('url-deceptive-words:medium');
  });
});

describe('game and parcel brands added (Dota 2, Dofus, InPost) with local delivery words', () => {
  it('catch dota2ez.top, d0fus.fr, inpost-dostawa.pl; official sites and unrelated words stay quiet', () => {
    for (const u of ['https://dota2ez.top/', 'https://www.d0fus.fr/', 'https://inpost-dostawa.pl/checkout/1']) expect(msg(u).verdict, u).toBe('lookalike');
    for (const u of ['https://www.dota2.com/', 'https://www.dofus.com/fr', 'https://inpost.pl/']) expect(msg(u).verdict, u).toBe('official');
    for (const u of ['https://inpost-museum.pl/', 'https://dota2stats.com/']) expect(msg(u).verdict, u).not.toBe('lookalike');
  });
});

describe('a capital I written for a lower-case l', () => {
  it('is a homoglyph look-alike (carrefour.googIe.casa, PaypaI.co); official addresses in capitals and capital I in other names are not', () => {
    for (const u of ['https://carrefour.googIe.casa', 'https://www.PaypaI-secure.co/']) expect(msg(u).verdict, u).toBe('lookalike');
    expect(msg('https://www.PayPal.com/').verdict).toBe('official');
    for (const u of ['https://IKEA-deals.example/', 'https://www.Instagram-fans.example.com/'.replace('Instagram-fans.', '')]) expect(msg(u).verdict, u).not.toBe('lookalike');
  });
});

describe('names that are ordinary words (ledger, blockchain, medium): only their homoglyph forms count', () => {
  it('a homoglyph or accented form of the word imitates the organisation', () => {
    const cases: [string, string][] = [
      ['https://lеdger.com/', 'ledger'], // Cyrillic е
      ['https://lédgèr.com/', 'ledger'],
      ['https://1edger.io/', 'ledger'],
      ['https://blockchaín.com/wallet', 'blockchain-com'],
      ['https://medіum.com/@someone/post', 'medium'], // Cyrillic і
    ];
    for (const [u, brand] of cases) {
      const a = msg(u);
      expect(a.verdict, u).toBe('lookalike');
      expect(a.brand?.id, u).toBe(brand);
      expect(a.reason, u).toBe('url-lookalike-domain');
    }
  });

  it('the plain word, a misspelling of it or a longer word containing it is not an imitation', () => {
    for (const u of ['https://ledger.fr/', 'https://www.ledgerinsights.com/', 'https://leger.fr/', 'https://blockchain.news/', 'https://blockchains.com/', 'https://medium-rare.com/', 'https://www.mediums.org/']) {
      expect(msg(u).signals.filter((s) => s.brand && s.level !== 'low'), u).toEqual([]);
    }
  });

  it('an official domain of the organisation stays official (ledgerwallet.com is Ledger\'s former site)', () => {
    expect(msg('https://ledgerwallet.com/').verdict).toBe('official');
    expect(msg('https://medium.com/@x').verdict).toBe('official');
  });
});

describe('invented crypto names with any word or number run into them', () => {
  it('coinbase, uniswap, metamask ... with a word, a number or (8+ letter names) a letter glued on', () => {
    for (const [u, brand] of [
      ['https://coinbasecanada.com/', 'coinbase'],
      ['https://uniswapgrant.org/', 'uniswap'],
      ['https://pancakeswap2024.finance/', 'pancakeswap'],
      ['https://metamaskx.io/', 'metamask'],
      ['https://dropbittrex.net/', 'bittrex'],
    ] as const) {
      const a = msg(u);
      expect(a.reason, u).toBe('url-lookalike-domain');
      expect(a.brand?.id, u).toBe(brand);
    }
  });

  it('not names that are ordinary words or coin names, a plural, app/api, or one letter beside a short name', () => {
    for (const u of ['https://softether.org/', 'https://gitkraken.com/', 'https://stellarium.org/', 'https://cryptocompare.com/', 'https://metamasks.com/', 'https://bitgetapp.com/', 'https://tronscanapi.com/', 'https://azerion.com/', 'https://openseal.ch/']) {
      expect(msg(u).signals.filter((s) => s.rule === 'url-lookalike-domain'), u).toEqual([]);
    }
  });
});

describe('celebrity crypto giveaway hosts (CI02, CI03)', () => {
  it('a giveaway name with a giveaway or crypto word, a second name, digits or a cheap TLD', () => {
    for (const u of ['https://musk-bitcoin-double.com/', 'https://elondrop.net/', 'https://vitalik-giveaway.org/', 'https://spacexgive.net/', 'https://elon-musk-tesla.info/', 'https://tesla2025.com/', 'https://elon.vip/']) {
      const a = msg(u);
      expect(a.signals.map((s) => s.rule), u).toContain('url-crypto-lure');
      expect(a.signals.find((s) => s.rule === 'url-crypto-lure')!.level, u).toBe('medium');
    }
  });

  it('without a name: a crypto noun joined to a gift word (btc-drop, ethgift, eth-giveaway)', () => {
    for (const u of ['https://btc-drop.net/', 'https://ethgift.org/', 'https://eth-giveaway.com/', 'https://usdtprize.com/']) {
      expect(msg(u).signals.map((s) => s.rule), u).toContain('url-crypto-lure');
    }
  });

  it('not a name alone, with filler only, or inside another word', () => {
    for (const u of ['https://www.elon.edu/', 'https://teslarati.com/', 'https://tesla-club.org/', 'https://spacexnews.com/', 'https://muskoka-cottages.ca/', 'https://melonbtc.com/', 'https://www.teslamotorsclub.com/', 'https://freenode.net/', 'https://www.dropbox.com/', 'https://giftshop.example/']) {
      expect(msg(u).signals.map((s) => s.rule), u).not.toContain('url-crypto-lure');
    }
  });
});

describe('short crypto words joined to any crypto word, and repair verbs', () => {
  it('walletsync, walletfix, wallet-restoration are wallet-drainer names', () => {
    for (const u of ['https://walletsync.tech/', 'https://walletfix.dev/', 'https://wallet-restoration.com/']) {
      expect(msg(u).signals.map((s) => s.rule), u).toContain('url-crypto-lure');
    }
  });

  it('not a lone crypto word or an unrelated compound (syncingbridge, fixture)', () => {
    for (const u of ['https://syncingbridge.com/', 'https://fixture-wallets.com/', 'https://prefix.dev/']) {
      expect(msg(u).signals.map((s) => s.rule), u).not.toContain('url-crypto-lure');
    }
  });
});

describe("an official site's redirector in a message link", () => {
  it('carries the signals of where it forwards to', () => {
    const a = msg('https://www.google.com/url?sa=t&url=https://paypal-login-verify.com/x');
    expect(a.verdict).toBe('lookalike');
    expect(a.brand?.id).toBe('paypal');
    expect(msg('https://meet.google.com/linkredirect?dest=https%3A%2F%2Fsomeone.000webhostapp.com%2Flogin').verdict).toBe('suspicious');
  });

  it('stays official when the destination is clean, and as a link on a page', () => {
    expect(msg('https://www.google.com/url?q=https://example.org/').verdict).toBe('official');
    expect(analyzeUrl('https://www.google.com/url?q=https://paypal-login-verify.com/x', { context: 'page' }).verdict).toBe('official');
  });
});

describe('"co" after a brand copies a country address', () => {
  it('amazon-co-jp (also with a zero) is a look-alike; -net/-com parts alone are not filler', () => {
    expect(msg('https://amazon-co-jp.com/signin').reason).toBe('url-lookalike-domain');
    expect(msg('https://amaz0n-c0-uk.com/').reason).toBe('url-lookalike-domain');
    expect(msg('https://yahoo-net.jp/').signals.filter((s) => s.rule === 'url-lookalike-domain')).toEqual([]);
  });
});

describe('account-security jargon: application, error, warning, unverified', () => {
  it('a host made only of such jargon with a credential word is medium in a message link', () => {
    for (const u of ['https://deny-application-access.com/', 'https://payee-error-app.com/', 'https://unverified-device-cancel.com/']) {
      expect(rules(u), u).toContain('url-deceptive-words:medium');
    }
  });

  it('not without a credential word, and not with a word of its own', () => {
    for (const u of ['https://error-app-support.com/', 'https://warning-signs-payment.com/']) {
      expect(rules(u), u).not.toContain('url-deceptive-words:medium');
    }
  });
});

describe('redirect parameters behind escaped ampersands, Portuguese activation words', () => {
  it('reads dest= after &amp; (links copied out of HTML)', () => {
    const a = msg('https://meet.google.com/linkredirect?authuser=0&amp;dest=https%3A%2F%2Fpaypal-login-verify.com%2Fx');
    expect(a.verdict).toBe('lookalike');
    expect(forwardedUrl('https://x.example/r?a=1&amp;url=https://y.example/')).toBe('https://y.example/');
  });

  it('ativacao / atualiza(r) are login-step words', () => {
    expect(msg('https://ativacao-online2024.com/').signals.map((s) => s.rule)).toContain('url-deceptive-words');
    expect(msg('https://atualizaonline.com/').signals.map((s) => s.rule)).toContain('url-deceptive-words');
  });
});
