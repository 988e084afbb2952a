/** A regional origin (an ALB and its service): answers 200 on every path until told to fail. */
import { listen, type LabServer } from './http.ts';

export interface Origin extends LabServer {
  region: string;
  /** When true every request gets a 503, as an ALB with no healthy targets answers. */
  down: boolean;
  requests: number;
}

export async function startOrigin(region: string): Promise<Origin> {
  const state = { down: false, requests: 0 };
  const server = await listen((_req, res) => {
    state.requests++;
    if (state.down) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('503 Service Temporarily Unavailable');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'x-origin-region': region });
    res.end(`ok from ${region}\n`);
  });
  return Object.assign(state, server, { region }) as Origin;
}
