/** Small helpers shared by the lab's servers: listen on 127.0.0.1 only, read a body, close cleanly. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LabServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(handler: http.RequestListener, port = 0): Promise<LabServer> {
  const server = http.createServer(handler);
  // Longer than any client keeps an idle socket in these runs, as an ALB's 60 s idle timeout is.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A fault the lab's provider APIs can be told to answer with, for the next `times` matching calls. */
export interface Fault {
  /** Matches "METHOD /path body" (e.g. /^PATCH .*\/pools\//, /"enabled":true/). */
  match: RegExp;
  /** HTTP status to answer; 'hang' never answers (a timeout). */
  status: number | 'hang';
  times: number;
}

export class FaultPlan {
  private faults: Fault[] = [];
  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }
  clear(): void {
    this.faults = [];
  }
  /** The fault to apply to this call, consuming one of its uses. */
  take(method: string, path: string, body = ''): Fault | undefined {
    const fault = this.faults.find((f) => f.times > 0 && f.match.test(`${method} ${path} ${body}`));
    if (fault) fault.times--;
    return fault;
  }
}
