/**
 * Reads a Terraform module the way the tests and the edge lab need it: every `.tf` file parsed by
 * HashiCorp's own HCL parser (`@cdktf/hcl2json`, wasm), merged into one tree, with `var.x`
 * references resolvable to their declared defaults. A file that does not parse fails with its name
 * and HCL's line:column. hcl2json renders every block as a list of objects and cannot tell it from
 * a list-of-objects attribute; callers read both shapes the same way.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

// The package's typings carry `/// <reference lib="dom" />`, whose fetch types clash with Node's
// across the whole program; a specifier TypeScript does not resolve keeps them out.
const HCL2JSON = '@cdktf/hcl2json';
type Parse = (filename: string, contents: string) => Promise<Record<string, unknown>>;
let parser: Promise<Parse> | undefined;
function parse(filename: string, contents: string): Promise<Record<string, unknown>> {
  parser ??= (import(HCL2JSON) as Promise<{ parse: Parse }>).then((m) => m.parse);
  return parser.then((p) => p(filename, contents));
}

export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };
export type HclBody = { [key: string]: HclValue };

export interface TerraformModule {
  dir: string;
  /** File names (not paths), sorted. */
  files: string[];
  /** resource type -> name -> body (the first block of that address). */
  resources: Record<string, Record<string, HclBody>>;
  data: Record<string, Record<string, HclBody>>;
  variables: Record<string, HclBody>;
  outputs: Record<string, HclBody>;
  locals: HclBody;
  /** Which file declared each `type.name`, `var.name`, `output.name`. */
  declaredIn: Record<string, string>;
  /** The parsed JSON of each file, for checks that need everything (e.g. no credentials). */
  raw: Record<string, HclBody>;
}

export class TerraformError extends Error {
  override name = 'TerraformError';
}

export async function loadModule(dir: string): Promise<TerraformModule> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.tf')).sort();
  if (files.length === 0) throw new TerraformError(`${dir}: no .tf files`);
  const module: TerraformModule = {
    dir,
    files,
    resources: {},
    data: {},
    variables: {},
    outputs: {},
    locals: {},
    declaredIn: {},
    raw: {},
  };
  for (const file of files) {
    const path = join(dir, file);
    let tree: HclBody;
    try {
      tree = (await parse(path, await readFile(path, 'utf8'))) as HclBody;
    } catch (error) {
      throw new TerraformError(`${path} does not parse: ${String(error).replace(/^Error: /, '')}`);
    }
    module.raw[file] = tree;
    for (const [kind, target] of [
      ['resource', module.resources],
      ['data', module.data],
    ] as const) {
      for (const [type, byName] of Object.entries(asObject(tree[kind]))) {
        for (const [name, blocks] of Object.entries(asObject(byName))) {
          (target[type] ??= {})[name] = first(blocks);
          module.declaredIn[`${kind === 'data' ? 'data.' : ''}${type}.${name}`] = file;
        }
      }
    }
    for (const [name, blocks] of Object.entries(asObject(tree['variable']))) {
      module.variables[name] = first(blocks);
      module.declaredIn[`var.${name}`] = file;
    }
    for (const [name, blocks] of Object.entries(asObject(tree['output']))) {
      module.outputs[name] = first(blocks);
      module.declaredIn[`output.${name}`] = file;
    }
    for (const block of asList(tree['locals'])) Object.assign(module.locals, asObject(block));
  }
  return module;
}

export function asObject(value: HclValue | undefined): { [key: string]: HclValue } {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

export function asList(value: HclValue | undefined): HclValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A nested block (list of one object in hcl2json) or an object attribute, as one object. */
export function block(body: HclBody, name: string): HclBody {
  return first(body[name]);
}

function first(value: HclValue | undefined): HclBody {
  return asObject(Array.isArray(value) ? value[0] : value);
}

/**
 * The value of an attribute that is a literal or exactly one `${var.name}` reference with a
 * default; anything else throws naming the resource and attribute, since a bound computed from a
 * guessed value would prove nothing.
 */
export function resolveNumber(
  module: TerraformModule,
  address: string,
  body: HclBody,
  attribute: string,
): number {
  const value = resolve(module, address, body, attribute);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  throw new TerraformError(
    `${where(module, address)}: ${address}.${attribute} must be a number or a var with a numeric default, got ${JSON.stringify(value)}`,
  );
}

export function resolve(
  module: TerraformModule,
  address: string,
  body: HclBody,
  attribute: string,
): HclValue {
  const value = body[attribute];
  if (value === undefined)
    throw new TerraformError(`${where(module, address)}: ${address} has no ${attribute} (set it explicitly)`);
  if (typeof value === 'string') {
    const ref = /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(value);
    if (ref) {
      const variable = module.variables[ref[1]!];
      if (!variable || variable['default'] === undefined)
        throw new TerraformError(
          `${where(module, address)}: ${address}.${attribute} refers to var.${ref[1]}, which has no default`,
        );
      return variable['default'];
    }
  }
  return value;
}

function where(module: TerraformModule, address: string): string {
  return join(module.dir, module.declaredIn[address] ?? module.files[0]!);
}
