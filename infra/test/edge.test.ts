import { beforeAll, describe, expect, test } from '@jest/globals';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  asList,
  asObject,
  block,
  loadModule,
  TerraformError,
  type HclBody,
  type HclValue,
  type TerraformModule,
} from '../../lib/terraform/hcl.ts';
import { bounds, FAILOVER_BUDGET_S, readEdgeTiming } from '../../lib/terraform/edge-timing.ts';
import { onCleanup } from '../../test/support/cleanup.ts';
import { missingComponent, testUnless } from '../../test/support/components.ts';
import { run } from '../../test/support/run.ts';
import { rejectionOf } from '../../test/support/errors.ts';

const INFRA = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FORMATTER = await (async () => {
  for (const bin of ['terraform', 'tofu'])
    if ((await run('sh', ['-c', `command -v ${bin}`])).exitCode === 0) return bin;
  return undefined;
})();
let cloudflare: TerraformModule;
let aws: TerraformModule;

beforeAll(async () => {
  cloudflare = await loadModule(join(INFRA, 'cloudflare'));
  aws = await loadModule(join(INFRA, 'aws'));
});

const resource = (m: TerraformModule, type: string, name: string): HclBody => {
  const body = m.resources[type]?.[name];
  if (!body) throw new Error(`${type}.${name} missing`);
  return body;
};
const list = (value: HclValue | undefined): HclBody[] => asList(value).map((v) => asObject(v));

async function copyInfra(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'edge-infra-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  await cp(join(INFRA, 'cloudflare'), join(dir, 'cloudflare'), { recursive: true });
  await cp(join(INFRA, 'aws'), join(dir, 'aws'), { recursive: true });
  return dir;
}

async function edit(path: string, from: RegExp, to: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  expect(text).toMatch(from);
  await writeFile(path, text.replace(from, to));
}

describe('every .tf parses with the HCL parser', () => {
  test('both modules load and declare what the edge needs', () => {
    expect(cloudflare.files).toEqual(['main.tf', 'outputs.tf', 'variables.tf', 'versions.tf', 'waf.tf']);
    expect(aws.files).toEqual(['cloudfront.tf', 'outputs.tf', 'route53.tf', 'variables.tf', 'versions.tf']);
  });

  test('a single-line block with two arguments is rejected with the file and position', async () => {
    const dir = await copyInfra();
    await edit(
      join(dir, 'aws', 'cloudfront.tf'),
      /origin_shield \{\n\s*enabled\s*= true\n\s*origin_shield_region = origin.value.shield_region\n\s*\}/,
      'origin_shield { enabled = true, origin_shield_region = "us-east-1" }',
    );
    const error = await rejectionOf(loadModule(join(dir, 'aws')));
    expect(error).toBeInstanceOf(TerraformError);
    expect((error as Error).message).toMatch(
      /cloudfront\.tf does not parse: .*cloudfront\.tf:\d+,\d+-\d+: Invalid single-argument block/,
    );
  });

  // OpenTofu's formatter is Terraform's (the fork kept hclwrite); .ci/run builds `tofu`, and a
  // developer's `terraform` does as well.
  testUnless(
    missingComponent(FORMATTER !== undefined, 'neither terraform nor tofu is on PATH (.ci/run builds tofu)'),
  )(
    'terraform fmt -check: infra/ and the consumer example are formatted as Terraform writes them',
    async () => {
      for (const dir of [INFRA, join(INFRA, '..', 'examples', 'consumer')]) {
        const result = await run(FORMATTER!, ['fmt', '-check', '-recursive', '-no-color', dir], {
          env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
        });
        // fmt -check lists the files it would rewrite on stdout.
        expect({ dir, exitCode: result.exitCode, unformatted: result.stdout.trim() }).toEqual({
          dir,
          exitCode: 0,
          unformatted: '',
        });
      }
    },
  );
});

describe('Cloudflare (provider v5)', () => {
  test('the provider is cloudflare/cloudflare ~> 5 and takes no credential attribute', () => {
    const providers = asObject(
      list(list(cloudflare.raw['versions.tf']!['terraform'])[0]!['required_providers'])[0],
    );
    expect(asObject(providers['cloudflare'])).toEqual({ source: 'cloudflare/cloudflare', version: '~> 5.0' });
    expect(list(cloudflare.raw['versions.tf']!['provider'] as HclValue)).toEqual([{ cloudflare: [{}] }]);
  });

  test('both pools sit behind the load balancer, each with account_id and the HTTPS monitor', () => {
    const lb = resource(cloudflare, 'cloudflare_load_balancer', 'gateway');
    expect(lb['default_pools']).toEqual([
      '${cloudflare_load_balancer_pool.us_east.id}',
      '${cloudflare_load_balancer_pool.us_west.id}',
    ]);
    expect(lb['default_pools']).toContain(lb['fallback_pool']);
    for (const name of ['us_east', 'us_west']) {
      const pool = resource(cloudflare, 'cloudflare_load_balancer_pool', name);
      expect(pool['account_id']).toBe('${var.account_id}');
      expect(pool['monitor']).toBe('${cloudflare_load_balancer_monitor.https.id}');
    }
    const monitor = resource(cloudflare, 'cloudflare_load_balancer_monitor', 'https');
    expect(monitor['account_id']).toBe('${var.account_id}');
    expect(monitor['type']).toBe('https');
  });

  test('origins in both regions: us-east pool -> east ALB, us-west pool -> west ALB', () => {
    const address = (name: string) =>
      list(resource(cloudflare, 'cloudflare_load_balancer_pool', name)['origins']).map((o) => o['address']);
    expect(address('us_east')).toEqual(['${var.alb_east_dns_name}']);
    expect(address('us_west')).toEqual(['${var.alb_west_dns_name}']);
  });

  test('the bot rule logs unless enforce is switched on, and never acts on the partner allowlist', () => {
    const ruleset = resource(cloudflare, 'cloudflare_ruleset', 'bot_mitigation');
    const [rule] = list(ruleset['rules']);
    expect(rule!['action']).toBe('${var.waf_enforce ? "block" : "log"}');
    expect(cloudflare.variables['waf_enforce']!['default']).toBe(false);
    expect(cloudflare.variables['partner_allowlist_cidrs']!['type']).toBe('${list(string)}');
    expect(rule!['expression']).toBe('${local.bot_expression}');
    expect(String(cloudflare.locals['bot_expression'])).toContain('${local.partner_clause}');
    expect(String(cloudflare.locals['partner_clause'])).toContain('var.partner_allowlist_cidrs');
    expect(ruleset['phase']).toBe('http_request_firewall_custom');
  });
});

describe('AWS: CloudFront and Route 53', () => {
  const distribution = () => resource(aws, 'aws_cloudfront_distribution', 'gateway');
  const behaviors = () => [
    block(distribution(), 'default_cache_behavior'),
    ...list(distribution()['ordered_cache_behavior']),
  ];

  test('every argument CloudFront requires is present', () => {
    const d = distribution();
    for (const argument of ['enabled', 'default_cache_behavior', 'restrictions', 'viewer_certificate'])
      expect(d[argument]).toBeDefined();
    expect(block(block(d, 'restrictions'), 'geo_restriction')['restriction_type']).toBe('none');
    expect(block(d, 'viewer_certificate')['ssl_support_method']).toBe('sni-only');
    for (const b of behaviors()) {
      for (const argument of [
        'allowed_methods',
        'cached_methods',
        'target_origin_id',
        'viewer_protocol_policy',
      ])
        expect(b[argument]).toBeDefined();
      expect(b['cache_policy_id'] ?? b['forwarded_values']).toBeDefined();
    }
  });

  test('origins in both regions, each with origin shield on in its own region', () => {
    expect(aws.locals['alb_origins']).toEqual({
      'alb-east': { domain: '${var.alb_east_dns_name}', shield_region: 'us-east-1' },
      'alb-west': { domain: '${var.alb_west_dns_name}', shield_region: 'us-west-2' },
    });
    const origin = block(block(block(distribution(), 'dynamic'), 'origin'), 'content');
    expect(block(origin, 'origin_shield')).toEqual({
      enabled: true,
      origin_shield_region: '${origin.value.shield_region}',
    });
    expect(block(block(distribution(), 'dynamic'), 'origin')['for_each']).toBe('${local.alb_origins}');
  });

  test('the origin group fails over between the two ALBs and is the default target', () => {
    const group = block(distribution(), 'origin_group');
    expect(list(group['member']).map((m) => m['origin_id'])).toEqual(['alb-east', 'alb-west']);
    expect(block(group, 'failover_criteria')['status_codes']).toEqual([500, 502, 503, 504]);
    expect(block(distribution(), 'default_cache_behavior')['target_origin_id']).toBe(group['origin_id']);
  });

  test("the seed's methods: all seven are allowed, only GET and HEAD cached; origin-group targets read-only", () => {
    const methods = (value: HclValue | undefined) =>
      typeof value === 'string' && value.startsWith('${local.') ? aws.locals[value.slice(8, -1)] : value;
    const allowed = behaviors().map((b) => methods(b['allowed_methods']));
    expect(allowed).toContainEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE']);
    for (const b of behaviors()) {
      expect(methods(b['cached_methods'])).toEqual(['GET', 'HEAD']);
      // CloudFront rejects POST/PUT/PATCH/DELETE on a behavior whose target is an origin group.
      if (b['target_origin_id'] === 'alb-failover')
        expect(methods(b['allowed_methods'])).toEqual(['GET', 'HEAD', 'OPTIONS']);
    }
  });

  test('Route 53 steers between the CDNs: Cloudflare primary, CloudFront secondary, both health-checked', () => {
    const primary = resource(aws, 'aws_route53_record', 'primary');
    const secondary = resource(aws, 'aws_route53_record', 'secondary');
    expect(block(primary, 'failover_routing_policy')['type']).toBe('PRIMARY');
    expect(block(secondary, 'failover_routing_policy')['type']).toBe('SECONDARY');
    expect(primary['records']).toEqual(['${var.cloudflare_target}']);
    expect(secondary['records']).toEqual(['${aws_cloudfront_distribution.gateway.domain_name}']);
    expect(primary['health_check_id']).toBe('${aws_route53_health_check.cdn["cloudflare"].id}');
    expect(secondary['health_check_id']).toBe('${aws_route53_health_check.cdn["cloudfront"].id}');
    expect(primary['name']).toBe(secondary['name']);
    const checks = asObject(resource(aws, 'aws_route53_health_check', 'cdn')['for_each']);
    expect(Object.keys(checks).sort()).toEqual(['cloudflare', 'cloudfront']);
  });
});

describe('documentation and credentials', () => {
  test.each(['cloudflare', 'aws'])('%s: every variable and output has a description', (name) => {
    const m = name === 'aws' ? aws : cloudflare;
    const undocumented = [
      ...Object.entries(m.variables).map(([n, v]) => [`var.${n}`, v] as const),
      ...Object.entries(m.outputs).map(([n, v]) => [`output.${n}`, v] as const),
    ].filter(([, body]) => typeof body['description'] !== 'string' || body['description'].length < 10);
    expect(undocumented.map(([address]) => address)).toEqual([]);
  });

  test('no credential anywhere: no secret-looking variable, no credential attribute on a provider', async () => {
    for (const m of [cloudflare, aws]) {
      expect(
        Object.keys(m.variables).filter((n) => /token|secret|password|access_key|api_key/i.test(n)),
      ).toEqual([]);
      for (const file of m.files) {
        const text = await readFile(join(m.dir, file), 'utf8');
        expect(text).not.toMatch(/\b(api_token|api_key|access_key|secret_key|token)\s*=/);
      }
    }
  });
});

describe('worst-case detection + switch time against the 60 s budget', () => {
  test('every failover path of the committed Terraform fits in 60 s', async () => {
    const timing = await readEdgeTiming(INFRA);
    const all = bounds(timing);
    expect(all.map((b) => b.name)).toHaveLength(3);
    for (const b of all)
      expect([b.name, b.seconds, b.seconds <= FAILOVER_BUDGET_S]).toEqual([b.name, b.seconds, true]);
    // The bound follows the .tf: the committed defaults give these figures.
    expect(all.map((b) => b.seconds)).toEqual([46, 31, 25]);
  });

  test.each([
    [
      'aws/variables.tf',
      /(variable "health_check_interval" \{[^}]*default\s*=\s*)10/,
      '$130',
      'CDN failover',
      86,
    ],
    ['aws/variables.tf', /(variable "dns_ttl" \{[^}]*default\s*=\s*)15/, '$160', 'CDN failover', 91],
    [
      'cloudflare/variables.tf',
      /(variable "monitor_interval" \{[^}]*default\s*=\s*)10/,
      '$160',
      'behind Cloudflare',
      131,
    ],
    [
      'aws/cloudfront.tf',
      /origin_read_timeout\s*= 15/,
      'origin_read_timeout      = 60',
      'behind CloudFront',
      70,
    ],
  ])('raising a setting in %s breaks the budget (%s)', async (file, from, to, path, seconds) => {
    const dir = await copyInfra();
    await edit(join(dir, file), from, to);
    const over = bounds(await readEdgeTiming(dir)).filter((b) => b.seconds > FAILOVER_BUDGET_S);
    expect(over.map((b) => [b.name.includes(path), b.seconds])).toEqual([[true, seconds]]);
  });

  test('a timing attribute that cannot be evaluated is an error naming the file and the attribute', async () => {
    const dir = await copyInfra();
    await edit(
      join(dir, 'aws', 'route53.tf'),
      /request_interval\s*= var\.health_check_interval/,
      'request_interval = local.nope',
    );
    const error = await rejectionOf(readEdgeTiming(dir));
    expect((error as Error).message).toMatch(
      /aws\/route53\.tf: aws_route53_health_check\.cdn\.request_interval must be a number .* got "\$\{local\.nope\}"/,
    );
  });
});
