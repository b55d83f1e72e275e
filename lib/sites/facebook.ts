/**
 * Facebook posts and groups: each post in a feed (home, group, page) or a single post view is read
 * as a job post; recruiters post "jobs" as plain posts, so the title is the post's first line and the
 * "company" is the author. Posts appear as the feed scrolls; the feed element is observed.
 */
import { hostIs, linksIn } from './dom';
import { defineJobSite } from './job-site';
import type { SiteAdapter } from './types';

export const facebook: SiteAdapter = {
  id: 'facebook',
  name: 'Facebook posts and groups',
  kind: 'job',
  matches: (url) =>
    (hostIs(url, 'facebook.com') || hostIs(url, 'fb.com')) && !/^\/(?:messages|messenger)(?:\/|$)/.test(url.pathname),
  job: defineJobSite('facebook', {
    roots: ['[role="feed"] [role="article"]', '[role="main"] [role="article"]', '[role="article"]'],
    title: [],
    titleFromText: true,
    company: ['h2 a', 'h3 a', 'h4 a', 'strong a'],
    description: ['[data-ad-comet-preview="message"]', '[data-ad-preview="message"]', '[data-testid="post_message"]'],
    minText: 40,
    key: (url, root) => {
      for (const link of linksIn(root, url.href, 30)) {
        const m = /\/(?:posts|permalink)\/(\w+)|[?&]story_fbid=(\w+)/.exec(link);
        if (m) return m[1] ?? m[2] ?? null;
      }
      return null;
    },
    observe: ['[role="feed"]', '[role="main"]'],
  }),
};
