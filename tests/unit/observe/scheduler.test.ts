/** The idle-time scheduler: budgeted slices, nothing while hidden, everything tied to the AbortSignal. */
import { describe, expect, it } from 'vitest';
import { createDebounce, createScheduler } from '@/lib/observe/scheduler';
import { parsedDoc as makeDoc, sleep } from './parsed-doc';


describe('createScheduler', () => {
  it('runs queued units in slices that stop once the budget is spent', async () => {
    const { doc } = makeDoc();
    let clock = 0;
    const slices: number[] = [];
    const s = createScheduler({ doc, signal: new AbortController().signal, budgetMs: 8, now: () => clock, onSlice: (n) => slices.push(n) });
    const ran: number[] = [];
    for (let i = 0; i < 10; i++) {
      s.enqueue(() => {
        clock += 3;
        ran.push(i);
      });
    }
    expect(ran).toEqual([]); // never synchronously
    await s.idle();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(slices).toEqual([3, 3, 3, 1]);
  });

  it('does nothing while the document is hidden and resumes when it is shown', async () => {
    const { doc, setVisibility } = makeDoc();
    const s = createScheduler({ doc, signal: new AbortController().signal });
    setVisibility('hidden');
    let ran = 0;
    s.enqueue(() => ran++);
    await sleep(20);
    expect(ran).toBe(0);
    expect(s.pending).toBe(1);
    setVisibility('visible');
    await s.idle();
    expect(ran).toBe(1);
  });

  it('drops queued work and ignores new work once aborted', async () => {
    const { doc } = makeDoc();
    const controller = new AbortController();
    const s = createScheduler({ doc, signal: controller.signal });
    let ran = 0;
    s.enqueue(() => ran++);
    controller.abort();
    s.enqueue(() => ran++);
    await sleep(20);
    expect(ran).toBe(0);
    expect(s.pending).toBe(0);
  });

  it('survives a unit that throws', async () => {
    const { doc } = makeDoc();
    const s = createScheduler({ doc, signal: new AbortController().signal });
    let ran = 0;
    s.enqueue(() => {
      throw new Error('boom');
    });
    s.enqueue(() => ran++);
    await s.idle();
    expect(ran).toBe(1);
  });
});

describe('createDebounce', () => {
  it('runs once after a burst, and never after abort', async () => {
    const controller = new AbortController();
    let runs = 0;
    const d = createDebounce(() => runs++, 10, controller.signal);
    for (let i = 0; i < 5; i++) d.schedule();
    await sleep(30);
    expect(runs).toBe(1);
    d.schedule();
    controller.abort();
    await sleep(30);
    expect(runs).toBe(1);
  });
});
