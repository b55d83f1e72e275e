/**
 * The inline chat marker: a small flag next to the message that tipped a chat's verdict. It is drawn in an
 * overlay (a `<redflag-marker>` host with a closed shadow root, appended to <html>, outside the chat app's
 * own tree), positioned over the message from its bounding box, so the chat app's DOM is not modified and
 * its framework never meets a foreign node. Follows scrolling (capture listener, one update per frame).
 */

export const MARKER_HOST = 'redflag-marker';

export interface MarkerOptions {
  /** Visible text of the flag, e.g. "Possible fake job offer". */
  label: string;
  /** Accessible description (the top reason). */
  description: string;
  onActivate(): void;
  signal: AbortSignal;
}

export interface ChatMarker {
  /** Point the marker at a message element (or hide it with null). */
  attach(target: Element | null): void;
  readonly host: HTMLElement;
  remove(): void;
}

const STYLE = `
:host { all: initial; }
button {
  all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 4px;
  font: 600 12px/1.2 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Khmer", "Noto Sans Thai", sans-serif;
  color: #fff; background: #b00020; border: 2px solid #fff; border-radius: 999px; padding: 3px 9px;
  box-shadow: 0 1px 4px rgb(0 0 0 / 0.35); cursor: pointer; white-space: nowrap; max-width: 260px;
  overflow: hidden; text-overflow: ellipsis;
}
button:focus-visible { outline: 3px solid #ffbf00; outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) { button { transition: transform 120ms ease-out; } button:hover { transform: scale(1.04); } }
`;

export function createChatMarker(doc: Document, options: MarkerOptions): ChatMarker {
  const host = doc.createElement(MARKER_HOST);
  host.setAttribute('data-redflag', '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const button = doc.createElement('button');
  button.type = 'button';
  const flag = doc.createElement('span');
  flag.setAttribute('aria-hidden', 'true');
  flag.textContent = '⚑';
  const text = doc.createElement('span');
  text.textContent = options.label;
  button.append(flag, text);
  button.setAttribute('aria-label', `${options.label}. ${options.description}`);
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    options.onActivate();
  }, { signal: options.signal });
  shadow.append(style, button);

  const set = (prop: string, value: string) => host.style.setProperty(prop, value, 'important');
  set('position', 'fixed');
  set('z-index', '2147483646');
  set('display', 'none');
  set('margin', '0');
  set('padding', '0');

  let target: Element | null = null;
  let frame = 0;
  const win = doc.defaultView;

  const place = () => {
    frame = 0;
    if (!target || !target.isConnected || !win) {
      set('display', 'none');
      return;
    }
    const r = target.getBoundingClientRect();
    const vh = win.innerHeight;
    const vw = win.innerWidth;
    if (r.bottom < 0 || r.top > vh || r.width === 0) {
      set('display', 'none');
      return;
    }
    if (!host.isConnected) doc.documentElement.append(host);
    set('display', 'block');
    const w = host.offsetWidth || 160;
    // Beside the bubble where there is room (right of it, else left of it), at its top edge.
    let left = r.right + 8;
    if (left + w > vw - 4) left = Math.max(4, r.left - w - 8);
    if (left < 4) left = Math.min(vw - w - 4, r.left + 4);
    set('top', `${Math.max(4, Math.min(vh - 28, r.top))}px`);
    set('left', `${left}px`);
  };
  const schedule = () => {
    if (frame || !win) return;
    if (typeof win.requestAnimationFrame === 'function') frame = win.requestAnimationFrame(place);
    else place();
  };

  doc.addEventListener('scroll', schedule, { capture: true, passive: true, signal: options.signal });
  win?.addEventListener('resize', schedule, { passive: true, signal: options.signal });
  const remove = () => {
    if (frame && win) win.cancelAnimationFrame(frame);
    frame = 0;
    target = null;
    host.remove();
  };
  options.signal.addEventListener('abort', remove, { once: true });

  return {
    host,
    attach(el) {
      target = el;
      if (!el) {
        host.remove();
        return;
      }
      if (!host.isConnected) doc.documentElement.append(host);
      schedule();
    },
    remove,
  };
}
