/**
 * A local server that answers like api.github.com for the routes a test gives it, and records every
 * request. Actions under test reach it through GITHUB_API_URL with their real octokit clients.
 * It speaks the slice of GitHub's wire protocol the tests rely on: JSON bodies, GitHub's error
 * shape ({message, documentation_url}) for unknown routes, percent-decoded path parameters, and
 * whatever headers (e.g. Link for pagination) a route returns. Routes can change during a test.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Percent-decoded, as GitHub reads path parameters (octokit sends `a%2Fb` for a contents path). */
  path: string;
  /** The query string's parameters. */
  query: Record<string, string>;
  /** `METHOD path?query` (path decoded, query as sent), for asserting on what was asked. */
  line: string;
  authorization?: string;
  body: unknown;
  /** The body as sent. */
  rawBody: string;
}

export interface Reply {
  /** Default 200. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Answers a request; undefined falls through to GitHub's 404. */
export type Route = (request: RecordedRequest) => Reply | undefined | Promise<Reply | undefined>;

export interface GitHubApiServer {
  url: string;
  /** Same as url (the name octokit's option uses). */
  baseUrl: string;
  requests: RecordedRequest[];
  /** `METHOD /path` -> route; set or delete entries to change answers mid-test. */
  routes: Map<string, Route>;
  close(): Promise<void>;
}

export async function startGitHubApi(routes: Record<string, Route | Reply> = {}): Promise<GitHubApiServer> {
  const table = new Map<string, Route>();
  for (const [key, value] of Object.entries(routes))
    table.set(key, typeof value === 'function' ? value : () => value);
  const requests: RecordedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const recorded: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      line: `${method} ${path}${url.search}`,
      body,
      rawBody: raw,
    };
    if (req.headers.authorization) recorded.authorization = req.headers.authorization;
    requests.push(recorded);
    const route = table.get(`${method} ${path}`);
    const answer = route ? await route(recorded) : undefined;
    const {
      status,
      body: replyBody,
      headers,
    } = answer ?? {
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
    };
    res.writeHead(status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(replyBody === undefined ? '' : JSON.stringify(replyBody));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: url,
    requests,
    routes: table,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** GitHub's error body for `status`. */
export const ghError = (status: number, message: string): Reply => ({
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest' },
});

/** A user object as GitHub embeds it in reviews and approvals. */
export const user = (login: string) => ({
  login,
  id: login.length,
  type: login.endsWith('[bot]') ? 'Bot' : 'User',
});
