/** failover-drill's inputs (action.yml mirrors them; a test keeps the two in step). */
import { bool, int, list, oneOf, str } from '../../../lib/inputs.ts';

const duration = (fallback: string, description: string) => str({ default: fallback, description });

export const INPUTS = {
  mode: oneOf(['drill', 'restore'] as const, {
    default: 'drill',
    description: 'drill, or restore: only put back what a saved state says an interrupted drill changed.',
  }),
  'target-url': str({
    required: true,
    description: 'The URL users reach (steered by Route 53 between the CDNs).',
  }),
  'cloudflare-url': str({
    description: "A URL served by Cloudflare only (the load balancer's hostname); preflight checks it.",
  }),
  'cloudfront-url': str({
    description: 'A URL served by CloudFront only (the distribution hostname); preflight checks it.',
  }),
  'cloudflare-api-token': str({
    secret: true,
    description: 'Cloudflare API token with Load Balancing: Edit.',
  }),
  'cloudflare-api-url': str({ description: 'Cloudflare API base URL; default the SDK default.' }),
  'cloudflare-account-id': str({ description: 'Account that owns the pools.' }),
  'cloudflare-zone-id': str({
    description:
      'Zone of the load balancer (with cloudflare-load-balancer-id: preflight checks the pools are its pools).',
  }),
  'cloudflare-load-balancer-id': str({ description: 'The Cloudflare load balancer id.' }),
  'cloudflare-pool-ids': list({
    description: 'Pools disabled to cut Cloudflare out (comma or newline separated).',
  }),
  'cloudflare-health-check-id': str({
    description:
      'Route 53 health check of the Cloudflare (primary) record; inverted to steer away from Cloudflare.',
  }),
  'cloudfront-health-check-id': str({
    description:
      'Route 53 health check of the CloudFront (secondary) record; inverted to steer away from CloudFront.',
  }),
  'aws-access-key-id': str({
    secret: true,
    description: 'AWS access key id (e.g. from aws-actions/configure-aws-credentials outputs).',
  }),
  'aws-secret-access-key': str({ secret: true, description: 'AWS secret access key.' }),
  'aws-session-token': str({ secret: true, description: 'AWS session token of temporary credentials.' }),
  'aws-region': str({ default: 'us-east-1', description: 'Region for the Route 53 client.' }),
  'route53-endpoint': str({ description: 'Route 53 API endpoint; default the SDK default.' }),
  rate: int({
    default: 200,
    min: 1,
    max: 20_000,
    description: 'Arrival rate of the load, requests per second.',
  }),
  'warm-up': duration('10s', 'Load before the first provider is disabled.'),
  hold: duration('30s', 'How long a provider stays disabled once the other carries all traffic.'),
  settle: duration(
    '5s',
    'How long the other provider must carry everything alone for the switch to count as done.',
  ),
  timeout: duration('120s', 'Longest wait for a switch, or for traffic to return after a restore.'),
  budget: duration(
    '60s',
    'Failover budget: time until the other provider carries all traffic, and to the last non-2xx.',
  ),
  'allowed-non-2xx': int({
    default: 0,
    min: 0,
    description: 'Non-2xx responses the drill may see and still pass.',
  }),
  'dry-run': bool({
    default: false,
    description: 'Preflight only: check both paths and every lever, change nothing.',
  }),
  'evidence-dir': str({
    default: 'failover-drill-evidence',
    description: 'Directory for DR_EVIDENCE.md and the other evidence files.',
  }),
  'state-file': str({
    default: '.failover-drill/state.json',
    description:
      'Where the drill saves what it changed before changing it; the post step and the next run restore from it.',
  }),
  'api-timeout': duration('10s', 'Timeout of each provider API call.'),
} as const;
