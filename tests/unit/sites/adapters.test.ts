/**
 * Every site adapter against its fixture page (tests/e2e/sites/adapters), parsed with linkedom:
 * the adapter is chosen from the real site's URL and reads the fields / messages the page shows.
 * Direction by layout needs a real browser: that part is covered by the e2e tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ADAPTER_CASES } from '../../e2e/sites/adapters/cases';
import { adapterFor, readSite } from '@/lib/sites/registry';

const DIR = resolve(import.meta.dirname, '../../e2e/sites/adapters');

export function loadFixture(file: string): Document {
  return parseHTML(readFileSync(resolve(DIR, file), 'utf8')).document as unknown as Document;
}

describe.each(ADAPTER_CASES)('$file at $url', (c) => {
  it(`is handled by ${c.adapter ?? 'no adapter'}`, () => {
    expect(adapterFor(c.url)?.id ?? null).toBe(c.adapter);
  });

  it(`is read as ${c.kind}`, () => {
    const read = readSite(loadFixture(c.file), c.url);
    expect(read.mode).toBe(c.kind);
    if (c.job) {
      if (read.mode !== 'job') throw new Error('not a job page');
      expect(read.posts).toHaveLength(1);
      const post = read.posts[0]!;
      expect(post.input.surface).toBe('job_post');
      expect(post.input.url).toBe(c.url);
      const { contact, ...fields } = c.job;
      expect(post.input.fields).toMatchObject(fields);
      if (contact) expect(post.input.fields?.contact).toContain(contact);
      // The description is the posting's body, not the whole page.
      expect(post.input.text).toMatch(/\S/);
      expect(post.input.text).not.toContain(c.job.title);
      // Each field read from an element remembers it (evidence highlighting needs it).
      expect(post.fieldElements.title?.textContent).toContain(c.job.title);
    }
    if (c.posts !== undefined) {
      if (read.mode !== 'job') throw new Error('not a job page');
      expect(read.posts).toHaveLength(c.posts);
      expect(new Set(read.posts.map((p) => p.key)).size).toBe(c.posts);
    }
    if (c.chat) {
      if (read.mode !== 'chat') throw new Error('not a chat page');
      expect(read.conversationId).toBe(c.chat.conversationId);
      expect(read.messages.map((m) => m.from)).toEqual(c.chat.layout ? c.chat.from.map(() => 'unknown') : c.chat.from);
      expect(read.messages[0]!.text).toBe(c.chat.first);
      for (const m of read.messages) {
        // Timestamps, read receipts and "You sent" headings are not message text.
        expect(m.text).not.toMatch(/\b10:0\d\b|You sent|Amy HR sent/);
        expect(m.el.isConnected).toBe(true);
      }
    }
  });
});

describe('facebook feed', () => {
  it('reads each post on its own, with the author as company and the first line as title', () => {
    const read = readSite(loadFixture('facebook-group.html'), 'https://www.facebook.com/groups/1234567890/');
    if (read.mode !== 'job') throw new Error('not a job page');
    const lure = read.posts.find((p) => p.input.fields?.company === 'Golden Bay HR Amy');
    expect(lure?.key).toBe('facebook:222000222');
    expect(lure?.input.fields?.title).toMatch(/^URGENT!!! Work overseas as a typist/);
    expect(lure?.input.fields?.contact).toContain('@goldenbay_hr_amy');
    // Comments (nested role=article) are not posts of their own.
    expect(read.posts.every((p) => p.root.parentElement?.closest('[role="article"]') === null)).toBe(true);
  });
});
