/**
 * `npx node bench/keda/run.ts`: static verification of 500 generated ScaledObjects, whole process
 * (the committed dist bundle, as the runner runs it), against the floor of a plain ajv pass over
 * the same files (parse + schema only, no positions, no semantics) in its own process, and — when
 * installed (`go install github.com/yannh/kubeconform/cmd/kubeconform@v0.7.0`) — kubeconform over
 * the same files with the same schema. Prints the medians and the ratios. The lab surge's scale-out/recovery figures come from `npm run surge`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaledObjectSchema } from '../../actions/keda-verify/src/schema.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const N = 500;
const RUNS = 5;
const scratch = mkdtempSync(join(tmpdir(), 'keda-bench-'));
const dir = join(scratch, 'manifests');
mkdirSync(dir);
try {
  const template = readFileSync(join(ROOT, 'infra/k8s/autoscaling/keda-gateway.yaml'), 'utf8');
  for (let i = 0; i < N; i++)
    writeFileSync(
      join(dir, `so-${i}.yaml`),
      template.replace(/gateway-slo/g, `svc-${i}`).replace(/name: gateway$/m, `name: svc-${i}`),
    );
  const time = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    if (r.status !== 0)
      throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}${r.stdout.slice(-500)}`);
    return performance.now() - t;
  };
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const kubeconform = [process.env['KUBECONFORM'], join(homedir(), 'go/bin/kubeconform')].find(
    (p) => p && existsSync(p),
  );
  const schemas = join(scratch, 'schemas');
  mkdirSync(schemas);
  // kubeconform looks schemas up by lower-case kind + `-group-version`; it compiles them itself.
  const { $schema: _s, $id: _i, ...plainSchema } = scaledObjectSchema;
  writeFileSync(join(schemas, 'scaledobject-keda-v1alpha1.json'), JSON.stringify(plainSchema));
  const kc: number[] = [];
  const action: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    action.push(
      time(process.execPath, [join(ROOT, 'actions/keda-verify/dist/index.js')], {
        GITHUB_WORKSPACE: dir,
        INPUT_PATH: dir,
        INPUT_MODE: 'static',
        'INPUT_SCRAPE-INTERVAL': '15s',
        GITHUB_OUTPUT: '',
        GITHUB_STEP_SUMMARY: '',
      }),
    );
    plain.push(time(process.execPath, [join(ROOT, 'bench/keda/ajv-floor.ts'), dir]));
    if (kubeconform)
      kc.push(
        time(kubeconform, [
          '-strict',
          '-summary',
          '-schema-location',
          `${schemas}/{{.ResourceKind}}{{.KindSuffix}}.json`,
          dir,
        ]),
      );
  }
  const a = median(action);
  const p = median(plain);
  console.log(
    `keda-verify static, ${N} ScaledObjects, whole process (median of ${RUNS}): ${a.toFixed(0)} ms (${((a / N) * 1000).toFixed(0)} µs/object)`,
  );
  console.log(
    `plain ajv pass (yaml parse + schema, no positions/semantics), whole process: ${p.toFixed(0)} ms`,
  );
  console.log(`ratio keda-verify / plain ajv: ${(a / p).toFixed(2)}x`);
  if (kc.length) {
    const k = median(kc);
    console.log(
      `kubeconform (same schema, no semantics), whole process: ${k.toFixed(0)} ms; ratio keda-verify / kubeconform: ${(a / k).toFixed(2)}x`,
    );
  } else
    console.log(
      'kubeconform: not installed (go install github.com/yannh/kubeconform/cmd/kubeconform@v0.7.0); skipped',
    );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
