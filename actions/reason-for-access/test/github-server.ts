/**
 * A local server speaking the slice of GitHub's REST API this action uses: JSON bodies, GitHub's
 * error shape ({message, documentation_url}), Link pagination. Routes are set per test.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export type Route = (req: IncomingMessage, url: URL, body: string) => Reply | Promise<Reply>;

export interface FakeGitHub {
  baseUrl: string;
  routes: Map<string, Route>;
  /** "METHOD path?query" of every request, with its authorization header. */
  requests: { line: string; authorization: string | undefined; body: string }[];
  close(): Promise<void>;
}

export async function startGitHub(routes: Record<string, Route | Reply> = {}): Promise<FakeGitHub> {
  const table = new Map<string, Route>();
  for (const [key, value] of Object.entries(routes))
    table.set(key, typeof value === 'function' ? value : () => value);
  const requests: FakeGitHub['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // GitHub decodes %2F in path parameters (octokit sends contents paths that way).
    const pathname = decodeURIComponent(url.pathname);
    requests.push({
      line: `${req.method} ${pathname}${url.search}`,
      authorization: req.headers.authorization,
      body,
    });
    const route = table.get(`${req.method} ${pathname}`);
    const reply: Reply = route
      ? await route(req, url, body)
      : { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    const status = reply.status ?? 200;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    routes: table,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export const ghError = (status: number, message: string): Reply => ({
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest' },
});
export const user = (login: string) => ({
  login,
  id: login.length,
  type: login.endsWith('[bot]') ? 'Bot' : 'User',
});
