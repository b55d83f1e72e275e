/**
 * A tiny static server for the fixture pages in tests/e2e/sites, bound to 127.0.0.1 on a free port.
 * Used by the e2e fixtures (one server per worker) and by `npm run demo`.
 * Run directly to serve the pages by hand: `npx tsx tests/e2e/site-server.ts [port]`.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITES_DIR = resolve(fileURLToPath(new URL('./sites', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface SiteServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

export async function startSiteServer(port = 0, root = SITES_DIR): Promise<SiteServer> {
  const server: Server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('site server: no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startSiteServer(Number(process.argv[2] ?? 8787));
  console.log(`Serving ${SITES_DIR} at ${server.origin}/ (Ctrl-C to stop)`);
  console.log(`  scam demo:  ${server.origin}/job-typist.html`);
  console.log(`  benign:     ${server.origin}/benign.html`);
  console.log(`  news:       ${server.origin}/news-scam-compounds.html`);
}
