/**
 * The main job (`summit-ops` with no action, `npm start`): every gate of the suite run on this
 * repository with embedded defaults, one line of progress per gate, a final table, and ONE evidence
 * bundle — `evidence/<timestamp>/` with a folder per gate, `index.md` mapping each acceptance-evidence
 * item to the file that proves it, and `manifest.json` (SHA-256 of every file), its digest signed
 * with a local Ed25519 key. `--fast` skips the labs (surge, drill, Workers).
 */
import {
  generateKeyPairSync,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { execute } from '../lib/runtime.ts';
import { sha256Hex } from '../lib/digest.ts';
import {
  MANIFEST,
  MANIFEST_SIGNATURE,
  sealEvidenceDirectory,
  stableStringify,
  verifyEvidenceBundle,
  describeVerification,
} from '../lib/report/evidence.ts';
import { pathToFileURL } from 'node:url';
import { importDefinition, REPO_ROOT, resolveAction } from './actions.ts';
import { formatAnnotation, type TerminalStreams } from './terminal.ts';

export interface GateContext {
  root: string;
  /** This gate's folder inside the bundle (created). */
  dir: string;
  env: Record<string, string | undefined>;
  /** A line for the gate's log.txt (never the terminal: the terminal shows progress). */
  log: (line: string) => void;
}

export interface GateOutcome {
  passed: boolean;
  /** One short line for the final table. */
  note: string;
}

export interface Gate {
  id: string;
  title: string;
  /** A lab (local stand-in for the cloud) that `--fast` skips. */
  lab: boolean;
  /** Why this gate cannot run on this machine (a component it starts is missing), or undefined. */
  unavailable?(): Promise<string | undefined>;
  run(ctx: GateContext): Promise<GateOutcome>;
}

/** Acceptance evidence items and where the bundle holds them (paths relative to the bundle). */
export const EVIDENCE_ITEMS: Array<{ item: string; gate: string; files: string[] }> = [
  {
    item: 'Migration catalog diff and verdicts',
    gate: 'catalog-gate',
    files: ['catalog-gate/report.json', 'catalog-gate/report.md'],
  },
  {
    item: 'Rollback demonstration (back-outs proven on PostgreSQL/PGlite)',
    gate: 'catalog-gate',
    files: ['catalog-gate/report.json'],
  },
  { item: 'DLP reports', gate: 'dlp-scan', files: ['dlp-scan/report.json', 'dlp-scan/report.md'] },
  { item: 'KEDA manifests verified', gate: 'keda-verify', files: ['keda-verify/log.txt'] },
  { item: 'KEDA HPA events and load outputs (surge)', gate: 'keda-surge', files: ['keda-surge/result.json'] },
  {
    item: 'OPA/access decision (reason-for-access, dry run)',
    gate: 'reason-for-access',
    files: ['reason-for-access/log.txt'],
  },
  {
    item: 'CDN configs and failover timestamps (DR evidence, timeline, chart)',
    gate: 'failover-drill',
    files: ['failover-drill/DR_EVIDENCE.md', 'failover-drill/timeline.json'],
  },
  {
    item: 'Load outputs of the drill (k6-style summary)',
    gate: 'failover-drill',
    files: ['failover-drill/'],
  },
  {
    item: 'Worker tokenization logs and vault attestations',
    gate: 'tokenization',
    files: ['tokenization/runbook/'],
  },
];

/** Runs one action of this repository through execute() with `inputs` over its action.yml defaults. */
async function runAction(
  name: string,
  inputs: Record<string, string>,
  ctx: GateContext,
): Promise<{ exitCode: number; outputs: Record<string, string>; failures: string[]; errors: number }> {
  // The action comes from this package; ctx.root is only the workspace it checks.
  const manifest = await resolveAction(name);
  const definition = await importDefinition(manifest);
  const outputs: Record<string, string> = {};
  const failures: string[] = [];
  let errors = 0;
  const source = (input: string) => {
    if (input in inputs) return inputs[input];
    const raw = manifest.inputs[input]?.default;
    if (raw === undefined || String(raw).includes('${{')) return undefined;
    return String(raw);
  };
  const { exitCode } = await execute(
    definition,
    source,
    {
      info: (m) => ctx.log(m),
      debug: () => {},
      annotate: (a) => {
        if (a.level === 'error') errors++;
        ctx.log(formatAnnotation(a));
      },
      setOutput: (k, v) => (outputs[k] = v),
      writeSummary: async (md) => writeFile(join(ctx.dir, 'summary.md'), md),
      fail: (m) => failures.push(m),
    },
    { env: { ...ctx.env, GITHUB_WORKSPACE: ctx.root } },
  );
  return { exitCode, outputs, failures, errors };
}

const actionGate = (
  id: string,
  title: string,
  inputs: (ctx: GateContext) => Record<string, string>,
  note: (r: Awaited<ReturnType<typeof runAction>>) => string,
): Gate => ({
  id,
  title,
  lab: false,
  async run(ctx) {
    const r = await runAction(id, inputs(ctx), ctx);
    return {
      passed: r.exitCode === 0,
      note: r.exitCode === 0 ? note(r) : (r.failures[0] ?? `exit ${r.exitCode}`),
    };
  },
});

/**
 * The labs are development stand-ins (Prometheus, workerd, fake CDNs) that live in a Summit Ops
 * checkout, not in the installed package: they are loaded from their TypeScript source at run time
 * (never bundled into cli/dist), which needs a checkout and a Node that runs TypeScript.
 */
export const LAB_SOURCES = ['lab/scaling/lab.ts', 'lab/edge/lab.ts', 'edge/scripts/verify-tokenization.ts'];

/** Why the labs cannot run here, or undefined when they can. */
export function labsUnavailable(packageRoot = REPO_ROOT): string | undefined {
  const missing = LAB_SOURCES.filter((f) => !existsSync(join(packageRoot, f)));
  if (missing.length) return 'needs a Summit Ops checkout: git clone, npm ci, npm start';
  if (!process.features.typescript)
    return `needs Node ≥ 22.18 to run the lab's TypeScript source; this is ${process.version}`;
  return undefined;
}

async function importLab<T>(file: string): Promise<T> {
  return (await import(/* webpackIgnore: true */ pathToFileURL(join(REPO_ROOT, file)).href)) as T;
}

export function defaultGates(): Gate[] {
  return [
    actionGate(
      'catalog-gate',
      'migration catalog + back-out proof (PGlite)',
      (ctx) => ({ 'evidence-dir': ctx.dir }),
      (r) => `${r.outputs['violations'] ?? '0'} violations`,
    ),
    actionGate(
      'dlp-scan',
      'DLP scan of the tree',
      (ctx) => ({ mode: 'tree', path: '.', 'evidence-dir': ctx.dir }),
      (r) => `${r.outputs['findings'] ?? '0'} findings`,
    ),
    actionGate(
      'keda-verify',
      'KEDA ScaledObjects (static)',
      () => ({ mode: 'static' }),
      (r) => `${r.outputs['scaled-objects'] ?? '?'} ScaledObjects, ${r.outputs['errors'] ?? '0'} errors`,
    ),
    {
      id: 'reason-for-access',
      title: 'prod promotion decision (dry run)',
      lab: false,
      async run(ctx) {
        // A dry run decides and reports, records nothing and never fails; the audit log path is
        // inside the bundle so nothing is written into the working tree.
        const r = await runAction(
          'reason-for-access',
          {
            reason: 'CHG-0001 main job dry run of the prod promotion policy',
            environment: 'prod',
            'dry-run': 'true',
            'audit-log': join(ctx.dir, 'audit.jsonl'),
            attest: 'false',
          },
          ctx,
        );
        const decision = r.outputs['decision'] ?? 'none';
        return {
          passed: r.exitCode === 0 && decision.startsWith('dry-run-'),
          note: `decision ${decision}`,
        };
      },
    },
    {
      id: 'keda-surge',
      title: 'scaling lab surge (Prometheus + HPA loop)',
      lab: true,
      async unavailable() {
        const { prometheusAvailable, PROMETHEUS_BIN } =
          await importLab<typeof import('../lab/scaling/prometheus.ts')>('lab/scaling/prometheus.ts');
        return prometheusAvailable()
          ? undefined
          : `${PROMETHEUS_BIN} is not on PATH: apt-get install prometheus, or set PROMETHEUS_BIN`;
      },
      async run(ctx) {
        const { runLab } = await importLab<typeof import('../lab/scaling/lab.ts')>('lab/scaling/lab.ts');
        const factor = 10;
        const r = await runLab({
          manifest: join(ctx.root, 'infra/k8s/autoscaling/keda-gateway.yaml'),
          factor,
          expectAlerts: ['LatencyP95AboveSLO'],
        });
        await writeFile(join(ctx.dir, 'result.json'), `${stableStringify(r)}\n`);
        const real = (s: number | undefined) => (s === undefined ? '-' : `${Math.round(s * factor)} s`);
        return {
          passed: r.verdict === 'pass',
          note: `${r.verdict}: scale-out ${real(r.scaleOutSeconds)} (≤ 120 s), p95 back ${real(r.recoverySeconds)} (≤ 300 s)`,
        };
      },
    },
    {
      id: 'failover-drill',
      title: 'cross-CDN failover drill (edge lab)',
      lab: true,
      async run(ctx) {
        const { startEdgeLab } = await importLab<typeof import('../lab/edge/lab.ts')>('lab/edge/lab.ts');
        // Every Terraform second becomes 250 ms: the whole drill (both providers) in well under a minute.
        const scale = 0.25;
        const at = (s: number) => `${(s * scale).toFixed(2)}s`;
        const lab = await startEdgeLab({ timeScale: scale });
        try {
          const r = await runAction(
            'failover-drill',
            {
              ...lab.drillInputs('route53'),
              rate: '200',
              'warm-up': at(10),
              hold: at(30),
              settle: at(5),
              timeout: at(120),
              budget: at(60),
              'allowed-non-2xx': '0',
              'evidence-dir': ctx.dir,
              'state-file': join(ctx.dir, 'drill-state.json'),
            },
            ctx,
          );
          const measured = Number(r.outputs['failover-seconds']);
          const bound = lab.bounds.find((b) => b.name.startsWith('CDN failover'));
          const inTf = Number.isFinite(measured) ? `${(measured / scale).toFixed(1)} s` : '-';
          return {
            passed: r.exitCode === 0,
            note: `${r.outputs['verdict'] ?? 'error'}: switch ${inTf} (Terraform bound ${bound?.seconds ?? '?'} s, budget 60 s), ${r.outputs['requests'] ?? '?'} requests`,
          };
        } finally {
          await lab.stop();
        }
      },
    },
    {
      id: 'tokenization',
      title: 'edge tokenization runbook (workerd)',
      lab: true,
      async run(ctx) {
        const { verifyTokenization } = await importLab<
          typeof import('../edge/scripts/verify-tokenization.ts')
        >('edge/scripts/verify-tokenization.ts');
        const r = await verifyTokenization(['--out', join(ctx.dir, 'runbook')], ctx.log);
        const failed = r.checks.filter((c) => c.status === 'fail').map((c) => c.name);
        return {
          passed: r.ok,
          note: failed.length ? `failed: ${failed.join(', ')}` : `${r.checks.length} checks passed`,
        };
      },
    },
  ];
}

export interface JobOptions {
  root: string;
  fast: boolean;
  env: Record<string, string | undefined>;
  /** Where bundles go; default <root>/evidence. */
  evidenceRoot?: string;
  now?: () => Date;
  gates?: Gate[];
  /** Why the labs cannot run (they are skipped, saying so); default labsUnavailable(). */
  labsUnavailable?: () => string | undefined;
  /** The signing key's file; default ~/.config/summit-ops/evidence-ed25519.pem (created on first use). */
  keyFile?: string;
}

export interface JobResult {
  exitCode: number;
  bundle: string;
  results: Array<{ gate: Gate; status: 'passed' | 'failed' | 'skipped'; seconds: number; note: string }>;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export async function runMainJob(options: JobOptions, streams: TerminalStreams): Promise<JobResult> {
  const now = options.now ?? (() => new Date());
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const bundle = join(options.evidenceRoot ?? join(options.root, 'evidence'), stamp);
  await mkdir(bundle, { recursive: true });
  const gates = options.gates ?? defaultGates();
  const results: JobResult['results'] = [];
  const noLabs = options.fast ? undefined : (options.labsUnavailable ?? labsUnavailable)();
  streams.out(
    `summit-ops main job${options.fast ? ' (--fast: labs skipped)' : ''}; evidence: ${relative(options.root, bundle) || bundle}\n`,
  );
  for (const gate of gates) {
    const label = `${gate.id.padEnd(18)} ${gate.title}`;
    if (gate.lab && (options.fast || noLabs)) {
      const why = options.fast ? '--fast' : noLabs!;
      results.push({ gate, status: 'skipped', seconds: 0, note: `lab skipped (${why})` });
      streams.out(`  - ${label}  skipped (${why})\n`);
      continue;
    }
    const missing = await gate.unavailable?.();
    if (missing) {
      results.push({ gate, status: 'skipped', seconds: 0, note: `skipped (${missing})` });
      streams.out(`  - ${label}  skipped (${missing})\n`);
      continue;
    }
    const dir = join(bundle, gate.id);
    await mkdir(dir, { recursive: true });
    const lines: string[] = [];
    const started = performance.now();
    let tick = 0;
    const timer = streams.tty
      ? setInterval(() => {
          const s = ((performance.now() - started) / 1000).toFixed(0);
          streams.out(`\r  ${SPINNER[tick++ % SPINNER.length]} ${label}  ${s} s`);
        }, 120)
      : undefined;
    if (!streams.tty) streams.out(`  … ${label}\n`);
    let outcome: GateOutcome;
    try {
      outcome = await gate.run({ root: options.root, dir, env: options.env, log: (l) => lines.push(l) });
    } catch (error) {
      outcome = {
        passed: false,
        note: `crashed: ${(error as Error).name}: ${(error as Error).message.split('\n')[0]}`,
      };
    } finally {
      if (timer) clearInterval(timer);
    }
    const seconds = (performance.now() - started) / 1000;
    await writeFile(join(dir, 'log.txt'), lines.length ? `${lines.join('\n')}\n` : '');
    results.push({ gate, status: outcome.passed ? 'passed' : 'failed', seconds, note: outcome.note });
    streams.out(
      `${streams.tty ? '\r' : ''}  ${outcome.passed ? '✓' : '✗'} ${label}  ${seconds.toFixed(1)} s  ${outcome.note}\n`,
    );
  }

  await writeFile(join(bundle, 'index.md'), indexMarkdown(results, options.fast, stamp, noLabs));
  const { digest } = await sealEvidenceDirectory(bundle);
  const signer = await signManifest(bundle, digest, options.keyFile ?? defaultKeyFile(options.env));
  streams.out(`\n${table(results)}\n`);
  streams.out(
    `evidence bundle: ${bundle}\n  manifest sha256 ${digest}, signed by ${signer}\n  verify: summit-ops evidence verify ${relative(process.cwd(), bundle) || bundle}\n`,
  );
  const failed = results.some((r) => r.status === 'failed');
  return { exitCode: failed ? 1 : 0, bundle, results };
}

function table(results: JobResult['results']): string {
  const rows = results.map((r) => [
    r.status === 'passed' ? '✓ pass' : r.status === 'failed' ? '✗ FAIL' : '- skip',
    r.gate.id,
    `${r.seconds.toFixed(1)} s`,
    r.note,
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), 4));
  return rows
    .map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  '))
    .join('\n');
}

function indexMarkdown(
  results: JobResult['results'],
  fast: boolean,
  stamp: string,
  noLabs: string | undefined,
): string {
  const status = new Map(results.map((r) => [r.gate.id, r]));
  const lines = [
    `# Summit Ops evidence — ${stamp}`,
    '',
    fast
      ? 'Run with `--fast`: the labs were skipped.'
      : noLabs
        ? `The labs were skipped: ${noLabs}.`
        : 'Full run: gates and labs.',
    '',
    '| gate | result | time | note |',
    '| --- | --- | --- | --- |',
    ...results.map(
      (r) => `| ${r.gate.id} | ${r.status} | ${r.seconds.toFixed(1)} s | ${r.note.replace(/\|/g, '\\|')} |`,
    ),
    '',
    '## Acceptance evidence',
    '',
    '| item | file | gate result |',
    '| --- | --- | --- |',
    ...EVIDENCE_ITEMS.map((e) => {
      const r = status.get(e.gate);
      return `| ${e.item} | ${e.files.map((f) => `\`${f}\``).join(', ')} | ${r ? r.status : 'not in this job'} |`;
    }),
    '',
    `Every file is listed with its SHA-256 in \`${MANIFEST}\`; \`${MANIFEST_SIGNATURE}\` signs that file's digest. Check both with \`summit-ops evidence verify <this folder>\`.`,
    '',
  ];
  return lines.join('\n');
}

function defaultKeyFile(env: Record<string, string | undefined>): string {
  return join(
    env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config'),
    'summit-ops',
    'evidence-ed25519.pem',
  );
}

async function loadOrCreateKey(file: string): Promise<KeyObject> {
  if (existsSync(file)) return createPrivateKey(await readFile(file, 'utf8'));
  const { privateKey } = generateKeyPairSync('ed25519');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  await chmod(file, 0o600);
  return privateKey;
}

interface ManifestSignature {
  algorithm: 'ed25519';
  /** SHA-256 of manifest.json as written. */
  manifestSha256: string;
  publicKey: string;
  /** SHA-256 of the public key (SPKI DER): compare it with the key you expect. */
  keyFingerprint: string;
  signature: string;
}

async function signManifest(bundle: string, digest: string, keyFile: string): Promise<string> {
  const key = await loadOrCreateKey(keyFile);
  const pub = createPublicKey(key);
  const fingerprint = sha256Hex(pub.export({ format: 'der', type: 'spki' }));
  const body: ManifestSignature = {
    algorithm: 'ed25519',
    manifestSha256: digest,
    publicKey: pub.export({ format: 'pem', type: 'spki' }).toString(),
    keyFingerprint: fingerprint,
    signature: sign(null, Buffer.from(digest, 'utf8'), key).toString('base64'),
  };
  await writeFile(join(bundle, MANIFEST_SIGNATURE), `${stableStringify(body)}\n`);
  return `local Ed25519 key ${fingerprint.slice(0, 16)}… (${keyFile})`;
}

/** `summit-ops evidence verify <dir> [--key-fingerprint HEX]`: every file against the manifest, the manifest against its signature. */
export async function verifyEvidence(
  dir: string,
  expectedFingerprint?: string,
): Promise<{ ok: boolean; message: string }> {
  const v = await verifyEvidenceBundle(dir);
  if (!v.ok) return { ok: false, message: describeVerification(dir, v) };
  const sigFile = join(dir, MANIFEST_SIGNATURE);
  if (!existsSync(sigFile))
    return { ok: false, message: `${sigFile} is missing: the manifest is not signed` };
  let sig: ManifestSignature;
  try {
    sig = JSON.parse(await readFile(sigFile, 'utf8')) as ManifestSignature;
  } catch (error) {
    return { ok: false, message: `${sigFile} is not JSON: ${(error as Error).message}` };
  }
  const digest = sha256Hex(await readFile(join(dir, MANIFEST)));
  if (sig.manifestSha256 !== digest)
    return {
      ok: false,
      message: `${sigFile} signs manifest sha256 ${sig.manifestSha256}, but manifest.json has ${digest}`,
    };
  const pub = createPublicKey(sig.publicKey);
  const fingerprint = sha256Hex(pub.export({ format: 'der', type: 'spki' }));
  if (fingerprint !== sig.keyFingerprint)
    return { ok: false, message: `${sigFile}: keyFingerprint does not match its publicKey` };
  if (!verify(null, Buffer.from(digest, 'utf8'), pub, Buffer.from(sig.signature, 'base64')))
    return { ok: false, message: `${sigFile}: the signature does not verify` };
  if (expectedFingerprint && expectedFingerprint.toLowerCase() !== fingerprint)
    return { ok: false, message: `signed by key ${fingerprint}, not the expected ${expectedFingerprint}` };
  return {
    ok: true,
    message: `${describeVerification(dir, v)}; manifest signed by Ed25519 key ${fingerprint}${expectedFingerprint ? ' (as expected)' : ' (pass --key-fingerprint to pin it)'}`,
  };
}
