import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage, pageScanInput } from '@/lib/extract/extract-page';

const URL_ = 'https://jobs.example/post/1';

function doc(body: string, title = 'A page'): Document {
  return parseHTML(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`).document as unknown as Document;
}

describe('extractPage', () => {
  it('collects title, url and visible text with block boundaries as line breaks', () => {
    const page = extractPage(doc('<h1>Typist wanted</h1><p>Salary <b>$2,000</b> per month</p><ul><li>Free visa</li><li>Free flight</li></ul>', '  Jobs \n board '), { url: URL_ });
    expect(page.title).toBe('Jobs board');
    expect(page.url).toBe(URL_);
    expect(page.text).toBe('Typist wanted\nSalary $2,000 per month\nFree visa\nFree flight');
    expect(page.truncated).toBe(false);
  });

  it('skips scripts, styles, templates, hidden and aria-hidden content, and our own banner', () => {
    const page = extractPage(
      doc(
        '<p>shown</p><script>var secret = 1</script><style>.x{}</style><template><p>tpl</p></template>' +
          '<div hidden>hidden attr</div><div aria-hidden="true">aria hidden</div><div style="display: none">display none</div>' +
          '<span style="color:red; visibility:hidden">invisible</span><noscript>enable js</noscript>' +
          '<input type="hidden" value="token"><redflag-warning>banner text</redflag-warning><p>also shown</p>',
      ),
      { url: URL_ },
    );
    expect(page.text).toBe('shown\nalso shown');
  });

  it('keeps words on both sides of inline elements apart and collapses whitespace', () => {
    const page = extractPage(doc('<p>Contact   us on<a href="#">Telegram</a> <i>now</i>\n\n please</p>'), { url: URL_ });
    expect(page.text).toBe('Contact us onTelegram now please');
  });

  it('includes image alt text', () => {
    expect(extractPage(doc('<p>Logo <img src="x.png" alt="Golden Bay"> ltd</p>'), { url: URL_ }).text).toBe('Logo Golden Bay ltd');
  });

  it('caps the text at maxChars and says so', () => {
    const body = Array.from({ length: 100 }, (_, i) => `<p>paragraph number ${i}</p>`).join('');
    const page = extractPage(doc(body), { url: URL_, maxChars: 50 });
    expect(page.text.length).toBe(50);
    expect(page.text.startsWith('paragraph number 0\nparagraph number 1')).toBe(true);
    expect(page.truncated).toBe(true);
  });

  it('handles very deep DOMs without recursion', () => {
    const depth = 20_000;
    const page = extractPage(doc(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`), { url: URL_ });
    expect(page.text).toBe('deep');
  });

  it('resolves links against the page URL, keeps web and messenger links, drops javascript: and duplicates', () => {
    const page = extractPage(
      doc('<a href="/apply">a</a><a href="/apply">dup</a><a href="https://t.me/hr_amy">tg</a><a href="tg://resolve?domain=x">app</a>' +
        '<a href="javascript:alert(1)">js</a><a href="mailto:hr@example.com">mail</a><a href="http://[bad">bad</a>'),
      { url: URL_ },
    );
    expect(page.links).toEqual(['https://jobs.example/apply', 'https://t.me/hr_amy', 'tg://resolve?domain=x', 'mailto:hr@example.com']);
  });

  it('caps the number of links', () => {
    const body = Array.from({ length: 30 }, (_, i) => `<a href="/p${i}">${i}</a>`).join('');
    expect(extractPage(doc(body), { url: URL_, maxLinks: 10 }).links).toHaveLength(10);
  });

  it('builds a page scan input', () => {
    const page = extractPage(doc('<p>hello</p>', 'T'), { url: URL_ });
    expect(pageScanInput(page)).toEqual({ surface: 'page', title: 'T', url: URL_, text: 'hello', links: [] });
  });
});
