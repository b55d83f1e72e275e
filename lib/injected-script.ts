/**
 * Code the content script loads only when it needs it: the background injects a second file into the tab
 * (scripting.executeScript), which hands its exports over on the global of the content scripts' isolated world (the
 * page can neither see nor set it), where the content script picks them up. Used for the engine
 * (lib/content-engine-loader.ts) and the banner (lib/ui/banner-loader.ts): the file injected on every page stays
 * small, so compiling and running it is a short task.
 */

/** The injected file: put `value` on the world's global under `key` (not enumerable, replaced by a later copy). */
export function provideInWorld(key: string, value: object, world: object = globalThis): void {
  Object.defineProperty(world, key, { value, configurable: true, enumerable: false, writable: false });
}

/**
 * Content script: what the injected file provided under `key`, asking `inject` (the background) to load the file the
 * first time. `valid` checks the shape (something else under the key does not count). One request at a time; a failed
 * one is retried on the next call.
 */
export function createInjectedLoader<T>(key: string, valid: (x: Partial<T>) => boolean, what: string, inject: () => Promise<unknown>, world: object = globalThis): () => Promise<T> {
  const provided = (): T | null => {
    const x = (world as Record<string, unknown>)[key] as Partial<T> | undefined;
    return x && typeof x === 'object' && valid(x) ? (x as T) : null;
  };
  let pending: Promise<T> | null = null;
  return () => {
    const ready = provided();
    if (ready) return Promise.resolve(ready);
    pending ??= inject()
      .then(() => {
        const x = provided();
        if (!x) throw new Error(`the ${what} did not load`);
        return x;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}
