/** Streams the lines of a UTF-8 text file (LF or CRLF), with 1-based line numbers. A leading BOM is dropped. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function* readLines(path: string): AsyncGenerator<{ text: string; line: number }> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of rl) {
      line++;
      yield { text: line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw, line };
    }
  } finally {
    rl.close();
    stream.destroy();
  }
}
