import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface FlatOutFigures {
  /** Answers with a 2xx status per second of the measured time. */
  perSecond: number;
  /** Connections that failed or closed in the middle of an answer. */
  errors: number;
  non2xx: number;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;
const CHUNKED = /\r\ntransfer-encoding:[^\r]*chunked/i;

/**
 * GET requests as fast as the server answers them: `connections` keep-alive connections, each sending its next
 * request as soon as the last answer is complete, for `settleSeconds` uncounted and then `seconds` counted.
 *
 * Written here rather than taken from autocannon, because on a two-core machine the load generator shares the cores
 * with the server and its own cost per request is part of every figure. Autocannon spent 43-45 µs per answer of the
 * public query and rebuilt each request whose path changes (a fifth of its time), so that it held the server back
 * far more on random codes than on the hello-world's one fixed request, which it sends prebuilt: the ratio measured
 * the client as much as the server. This one writes each request as one string and reads an answer by its
 * Content-Length, a few µs either way, the same for both servers (docs/benchmarks.md).
 */
export function flatOutLoad(opts: { url: string; seconds: number; settleSeconds: number; connections: number; headers?: Record<string, string>; path: () => string }): Promise<FlatOutFigures> {
  const { hostname, port } = new URL(opts.url);
  let head = `Host: ${hostname}:${port}\r\n`;
  for (const [name, value] of Object.entries(opts.headers ?? {})) head += `${name}: ${value}\r\n`;
  head += '\r\n';
  let counting = false;
  let stopped = false;
  let answered = 0;
  let non2xx = 0;
  let errors = 0;
  const sockets: ReturnType<typeof connect>[] = [];

  function open(): void {
    const socket = connect(Number(port), hostname);
    socket.setNoDelay(true);
    let pending: Buffer | undefined;
    const send = () => socket.write(`GET ${opts.path()} HTTP/1.1\r\n${head}`);
    socket.on('connect', send);
    socket.on('data', (chunk: Buffer) => {
      let buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        const end = buffer.indexOf(HEAD_END);
        if (end < 0) break;
        const headText = buffer.toString('latin1', 0, end);
        const length = CONTENT_LENGTH.exec(headText);
        if (!length) {
          socket.destroy(new Error(CHUNKED.test(headText) ? 'a chunked answer: this load generator reads answers by their Content-Length' : `an answer without Content-Length: ${headText.slice(0, 100)}`));
          return;
        }
        const total = end + HEAD_END.length + Number(length[1]);
        if (buffer.length < total) break;
        if (counting) {
          // "HTTP/1.1 2xx": the status starts at the tenth character.
          if (headText.charCodeAt(9) === 50) answered++;
          else non2xx++;
        }
        buffer = buffer.subarray(total);
        if (!stopped) send();
      }
      pending = buffer.length > 0 ? buffer : undefined;
    });
    socket.on('error', () => {
      if (counting) errors++;
    });
    socket.on('close', () => {
      if (!stopped) open();
    });
    sockets.push(socket);
  }

  for (let i = 0; i < opts.connections; i++) open();
  return new Promise((resolve) => {
    setTimeout(() => {
      counting = true;
      const start = performance.now();
      setTimeout(() => {
        counting = false;
        stopped = true;
        const seconds = (performance.now() - start) / 1000;
        for (const socket of sockets) socket.destroy();
        resolve({ perSecond: answered / seconds, errors, non2xx });
      }, opts.seconds * 1000);
    }, opts.settleSeconds * 1000);
  });
}
