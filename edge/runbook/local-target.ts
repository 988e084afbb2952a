/**
 * The runbook's target in this repository: the tokenize and vault Workers in workerd (edge/lab)
 * with a recording origin, so the runbook sees exactly what the origin received and reads the
 * Workers' own log lines.
 */
import type { EdgeLab } from '../lab/lab.ts';
import type { RunbookTarget } from './runbook.ts';

export function labTarget(lab: EdgeLab): RunbookTarget {
  return {
    description: `tokenize + vault Workers in workerd; recording origin ${lab.origin.url}`,
    path: '/v1/customers',
    send: async (path, init) => {
      const before = lab.origin.received.length;
      const res = await lab.send(path, init);
      await res.arrayBuffer();
      const got = lab.origin.received.slice(before);
      return {
        status: res.status,
        origin: got.length ? got.map((r) => r.body.toString('utf8')).join('\n') : undefined,
      };
    },
    vault: {
      fetch: (path, init) => lab.vault(path, init),
      claim: (roles, options) => lab.claim(roles, options),
    },
    logs: () => lab.logs,
  };
}
