/**
 * The subset of the Route 53 API (REST-XML, 2013-04-01) the failover drill uses, on 127.0.0.1, so
 * the official `@aws-sdk/client-route-53` talks to it with `endpoint` pointed here: GetHealthCheck
 * and UpdateHealthCheck (Inverted, with HealthCheckVersion as optimistic locking). Requests must
 * carry a SigV4 Authorization header for the lab's access key id; faults are injectable per call.
 */
import type http from 'node:http';
import { FaultPlan, listen, readBody, type LabServer } from './http.ts';

export interface LabHealthCheck {
  id: string;
  fqdn: string;
  inverted: boolean;
  version: number;
  requestInterval: number;
  failureThreshold: number;
}

export interface Route53Api extends LabServer {
  healthChecks: Map<string, LabHealthCheck>;
  faults: FaultPlan;
  calls: string[];
}

const NS = 'https://route53.amazonaws.com/doc/2013-04-01/';

function healthCheckXml(h: LabHealthCheck): string {
  return `<HealthCheck><Id>${h.id}</Id><CallerReference>lab-${h.id}</CallerReference><HealthCheckConfig><Port>443</Port><Type>HTTPS</Type><ResourcePath>/healthz</ResourcePath><FullyQualifiedDomainName>${h.fqdn}</FullyQualifiedDomainName><RequestInterval>${h.requestInterval}</RequestInterval><FailureThreshold>${h.failureThreshold}</FailureThreshold><Inverted>${h.inverted}</Inverted><Disabled>false</Disabled><EnableSNI>true</EnableSNI></HealthCheckConfig><HealthCheckVersion>${h.version}</HealthCheckVersion></HealthCheck>`;
}

export async function startRoute53Api(options: {
  accessKeyId: string;
  healthChecks: LabHealthCheck[];
}): Promise<Route53Api> {
  const healthChecks = new Map(options.healthChecks.map((h) => [h.id, { ...h }]));
  const faults = new FaultPlan();
  const calls: string[] = [];
  const xml = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': 'lab-request' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
  };
  const error = (res: http.ServerResponse, status: number, code: string, message: string) =>
    xml(
      res,
      status,
      `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>lab-request</RequestId></ErrorResponse>`,
    );
  const server = await listen(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://lab').pathname;
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    calls.push(`${method} ${path}`);
    const credential = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ''));
    if (credential?.[1] !== options.accessKeyId)
      return error(
        res,
        403,
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
      );
    const fault = faults.take(method, path, body);
    if (fault?.status === 'hang') return;
    if (fault) {
      // Route 53 signals throttling as 400 Throttling; a 429 is answered as such too.
      if (fault.status === 400 || fault.status === 429)
        return error(res, fault.status, 'Throttling', 'Rate exceeded');
      return error(res, fault.status, 'InternalFailure', 'lab fault');
    }
    const match = /^\/2013-04-01\/healthcheck\/([^/]+)$/.exec(path);
    const check = match ? healthChecks.get(match[1]!) : undefined;
    if (!match) return error(res, 404, 'UnknownOperation', `no route for ${method} ${path}`);
    if (!check) return error(res, 404, 'NoSuchHealthCheck', `No health check exists with the ID ${match[1]}`);
    if (method === 'GET')
      return xml(
        res,
        200,
        `<GetHealthCheckResponse xmlns="${NS}">${healthCheckXml(check)}</GetHealthCheckResponse>`,
      );
    if (method === 'POST') {
      const version = /<HealthCheckVersion>(\d+)<\/HealthCheckVersion>/.exec(body);
      if (version && Number(version[1]) !== check.version)
        return error(
          res,
          409,
          'HealthCheckVersionMismatch',
          'The value of HealthCheckVersion does not match.',
        );
      const inverted = /<Inverted>(true|false)<\/Inverted>/.exec(body);
      if (inverted) check.inverted = inverted[1] === 'true';
      check.version++;
      return xml(
        res,
        200,
        `<UpdateHealthCheckResponse xmlns="${NS}">${healthCheckXml(check)}</UpdateHealthCheckResponse>`,
      );
    }
    error(res, 405, 'MethodNotAllowed', method);
  });
  return { ...server, healthChecks, faults, calls };
}
