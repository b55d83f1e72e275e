/** Resolve in the browser's idle time (or after `timeoutMs` at the latest), so scanning never delays page load. */
export interface IdleScheduler {
  requestIdleCallback?(callback: IdleRequestCallback, options?: IdleRequestOptions): number;
  setTimeout(handler: () => void, timeout?: number): number;
}

export function whenIdle(scheduler: IdleScheduler, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof globalThis.requestIdleCallback === 'function' && scheduler.requestIdleCallback) {
      scheduler.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    } else {
      // No idle callbacks (Safari): yield one macrotask after load instead.
      scheduler.setTimeout(() => resolve(), 50);
    }
  });
}
