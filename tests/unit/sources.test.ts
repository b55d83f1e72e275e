import { describe, expect, it } from 'vitest';
import { indexSources, shippedSources } from '@/lib/ui/sources';

describe('sources', () => {
  it('indexes records by id with "title (publisher)" and only http(s) URLs', () => {
    const map = indexSources([
      { id: 'a', title: 'Report', publisher: 'UNODC', url: 'https://unodc.example/r' },
      { id: 'b', title: 'Note', url: 'javascript:alert(1)' },
      { id: 'c' },
      'junk',
    ]);
    expect(map.get('a')).toEqual({ id: 'a', title: 'Report (UNODC)', url: 'https://unodc.example/r' });
    expect(map.get('b')).toEqual({ id: 'b', title: 'Note' });
    expect(map.has('c')).toBe(false);
    expect(indexSources({ not: 'a list' }).size).toBe(0);
  });

  it('loads the shipped catalogue', () => {
    const shipped = shippedSources();
    expect(shipped.size).toBeGreaterThan(0);
    for (const link of shipped.values()) if (link.url) expect(link.url).toMatch(/^https?:\/\//);
  });
});
