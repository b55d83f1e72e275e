/**
 * Runs queued work in idle time (requestIdleCallback, else an animation frame) in slices that stay
 * within a per-frame time budget, and never while the document is hidden. No polling: a slice is
 * requested only when there is queued work, and a hidden tab resumes on `visibilitychange`.
 */

export interface SchedulerOptions {
  doc: Document;
  signal: AbortSignal;
  /** Maximum work per slice in ms (default 8: half a 60 Hz frame). */
  budgetMs?: number;
  /** Clock (tests inject one). */
  now?: () => number;
  /** Called after each slice with the number of units run and the time spent (diagnostics, benchmarks). */
  onSlice?(units: number, ms: number): void;
}

export interface Scheduler {
  /** Queue a unit of work. Units run in order; a unit is never split. */
  enqueue(task: () => void): void;
  /** Number of queued units. */
  readonly pending: number;
  /** Drop all queued work (SPA navigation, flood fallback). */
  clear(): void;
  /** Resolves when the queue is empty (tests, benchmarks). */
  idle(): Promise<void>;
}

type IdleWin = Window & {
  requestIdleCallback?: (cb: (d: { timeRemaining(): number; didTimeout: boolean }) => void, o?: { timeout: number }) => number;
  cancelIdleCallback?: (h: number) => void;
};

export const DEFAULT_BUDGET_MS = 8;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { doc, signal } = options;
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const win = (doc.defaultView ?? globalThis) as unknown as IdleWin;
  const queue: Array<() => void> = [];
  let head = 0;
  let requested: null | (() => void) = null;
  let waiters: Array<() => void> = [];

  const hidden = () => doc.visibilityState === 'hidden' || doc.hidden === true;

  const settle = () => {
    if (head >= queue.length) {
      queue.length = 0;
      head = 0;
      const w = waiters;
      waiters = [];
      for (const resolve of w) resolve();
    }
  };

  const runSlice = (remaining: number) => {
    requested = null;
    if (signal.aborted) return;
    if (hidden()) return; // resumes on visibilitychange
    const start = now();
    const limit = Math.max(1, Math.min(budget, remaining));
    const first = head;
    while (head < queue.length) {
      const task = queue[head]!;
      queue[head++] = noop;
      try {
        task();
      } catch {
        // work for the page must never throw into it
      }
      if (now() - start >= limit) break;
    }
    options.onSlice?.(head - first, now() - start);
    settle();
    request();
  };

  const request = () => {
    if (requested || head >= queue.length || signal.aborted || hidden()) return;
    if (typeof win.requestIdleCallback === 'function') {
      const h = win.requestIdleCallback((d) => runSlice(d.didTimeout ? budget : d.timeRemaining()), { timeout: 1000 });
      requested = () => win.cancelIdleCallback?.(h);
    } else if (typeof win.requestAnimationFrame === 'function') {
      const h = win.requestAnimationFrame(() => runSlice(budget));
      requested = () => win.cancelAnimationFrame(h);
    } else {
      const h = setTimeout(() => runSlice(budget), 0);
      requested = () => clearTimeout(h);
    }
  };

  doc.addEventListener('visibilitychange', () => request(), { signal });
  signal.addEventListener('abort', () => {
    requested?.();
    requested = null;
    queue.length = 0;
    head = 0;
    settle();
  }, { once: true });

  return {
    enqueue(task) {
      if (signal.aborted) return;
      queue.push(task);
      request();
    },
    get pending() {
      return queue.length - head;
    },
    clear() {
      queue.length = 0;
      head = 0;
      settle();
    },
    idle() {
      if (head >= queue.length) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

function noop() {}

/** A one-shot timer that restarts on each call (one rescan after a burst). Cancelled when `signal` aborts. */
export function createDebounce(fn: () => void, ms: number, signal: AbortSignal): { schedule(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  signal.addEventListener('abort', cancel, { once: true });
  return {
    schedule() {
      if (signal.aborted) return;
      cancel();
      timer = setTimeout(() => {
        timer = null;
        if (!signal.aborted) fn();
      }, ms);
    },
    cancel,
  };
}
