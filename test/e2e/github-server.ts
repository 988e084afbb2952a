/**
 * A local server that answers like api.github.com for the routes a test gives it, and records every
 * request. Actions under test reach it through GITHUB_API_URL with their real octokit clients.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Percent-decoded, as GitHub reads path parameters (octokit sends `a%2Fb` for a contents path). */
  path: string;
  /** The query string's parameters. */
  query: Record<string, string>;
  authorization?: string;
  body: unknown;
}

export type Route = (
  request: RecordedRequest,
) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface GitHubApiServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startGitHubApi(
  routes: Record<string, Route | { status: number; body?: unknown; headers?: Record<string, string> }>,
): Promise<GitHubApiServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        query: Object.fromEntries(url.searchParams),
        body: raw ? JSON.parse(raw) : undefined,
      };
      if (req.headers.authorization) recorded.authorization = req.headers.authorization;
      requests.push(recorded);
      const route = routes[`${recorded.method} ${path}`];
      const answer = typeof route === 'function' ? route(recorded) : route;
      const { status, body, headers } = answer ?? {
        status: 404,
        body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
      };
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
