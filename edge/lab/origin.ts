/** A real HTTP origin on 127.0.0.1 that records every request it receives. */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RecordingOrigin {
  url: string;
  received: Received[];
  /** Replaces the default answer (200 `{"ok":true}`). */
  respond: (req: Received, res: ServerResponse) => void;
  close(): Promise<void>;
}

export async function startOrigin(): Promise<RecordingOrigin> {
  const origin: RecordingOrigin = {
    url: '',
    received: [],
    respond: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      origin.received.push(received);
      origin.respond(received, res);
    });
  });
  // Longer than any client pool keeps a connection idle: a close racing a reused connection is a reset.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = origin.close;
  origin.close = async () => {
    server.closeAllConnections();
    await close();
  };
  return origin;
}

/** An answer for `respond`: the request body back, as an echo service behind the Worker answers. */
export function echoRequest(req: Received, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/octet-stream' });
  res.end(req.body);
}
