/**
 * ReDoS check for rule regexes with recheck (https://makenowjust-labs.github.io/recheck/).
 * Results are cached by pattern in a JSON file (default .generated/redos-cache.json) because the
 * analysis takes tens of milliseconds per pattern.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkSync } from 'recheck';

export interface RedosResult {
  safe: boolean;
  /** Why it is not safe (complexity, attack string) or why the check failed. */
  reason?: string;
}

const CACHE_VERSION = 'recheck-4.5.0/2';

export class RedosChecker {
  private cache: Record<string, RedosResult> = {};
  private dirty = false;
  /** Patterns the automaton checker could not decide, checked by fuzzing instead (this run, cache misses only). */
  fuzzed = 0;
  checked = 0;

  constructor(private readonly cachePath?: string) {
    if (cachePath && existsSync(cachePath)) {
      try {
        const data = JSON.parse(readFileSync(cachePath, 'utf8')) as { version?: string; results?: Record<string, RedosResult> };
        if (data.version === CACHE_VERSION && data.results) this.cache = data.results;
      } catch {
        // A corrupt cache is rebuilt.
      }
    }
  }

  check(source: string, flags = 'giu'): RedosResult {
    this.checked++;
    const key = `${flags}/${source}`;
    const hit = this.cache[key];
    if (hit) return hit;
    let result: RedosResult;
    try {
      // The automaton checker decides exactly and the same way every time; the fuzz checker, used where it cannot
      // (lookbehind, back-references) or gives up, is randomised and time-budgeted: on a loaded machine it has
      // called a regex with only bounded repeats vulnerable in 1 of 4 runs, which would fail a clean build at random.
      const exact = checkSync(source, flags, { checker: 'automaton', timeout: 10_000 });
      const d = exact.status === 'unknown' ? checkSync(source, flags, { timeout: 20_000 }) : exact;
      if (d !== exact) this.fuzzed++;
      if (d.status === 'safe') result = { safe: true };
      else if (d.status === 'vulnerable') {
        const attack = d.attack?.pattern ? `; attack: ${d.attack.pattern.slice(0, 80)}` : '';
        result = {
          safe: false,
          reason: `super-linear backtracking (${d.complexity.summary})${attack}; bound repeats ({1,20}) or remove nested/overlapping quantifiers`,
        };
      } else result = { safe: false, reason: `ReDoS check inconclusive (${d.error.kind}); simplify the regex` };
    } catch (e) {
      result = { safe: false, reason: `ReDoS check failed: ${(e as Error).message}` };
    }
    this.cache[key] = result;
    this.dirty = true;
    return result;
  }

  save(): void {
    if (!this.cachePath || !this.dirty) return;
    mkdirSync(dirname(this.cachePath), { recursive: true });
    writeFileSync(this.cachePath, JSON.stringify({ version: CACHE_VERSION, results: this.cache }, null, 1) + '\n');
    this.dirty = false;
  }
}
