/**
 * Action inputs read into a typed object. The spec says what each input is; the reader says what
 * is wrong in one shape: `Input 'x': <what is wrong>; expected <what>`. Defaults live in action.yml
 * (the runner applies them); the spec's `default` is only for readers that have no action.yml.
 */

export class InputError extends Error {
  readonly input: string;
  constructor(input: string, problem: string, expected: string) {
    super(`Input '${input}': ${problem}; expected ${expected}`);
    this.name = 'InputError';
    this.input = input;
  }
}

/**
 * An http(s) URL input, checked before anything runs. The value is never echoed: it may hold
 * credentials. `example` is what a right value looks like.
 */
export function httpUrl(input: string, value: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(input, 'not a URL (value not shown: it may hold credentials)', example);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError(input, `scheme '${url.protocol}' is not supported`, 'an http:// or https:// URL');
  return url;
}

interface Base {
  required?: boolean;
  /** Mask the value in every output (tokens, URLs with passwords). */
  secret?: boolean;
  description?: string;
}
export interface StringInput extends Base {
  kind: 'string';
  default?: string;
  pattern?: RegExp;
  patternHint?: string;
}
export interface BooleanInput extends Base {
  kind: 'boolean';
  default?: boolean;
}
export interface IntegerInput extends Base {
  kind: 'integer';
  default?: number;
  min?: number;
  max?: number;
}
export interface EnumInput<V extends string = string> extends Base {
  kind: 'enum';
  values: readonly V[];
  default?: V;
}
export interface ListInput extends Base {
  kind: 'list';
  default?: string[];
}
/** A byte size: `1048576`, `512k`, `10M`, `1G`. */
export interface SizeInput extends Base {
  kind: 'size';
  default?: number;
}

export type InputDescriptor = StringInput | BooleanInput | IntegerInput | EnumInput | ListInput | SizeInput;
export type InputSpec = Record<string, InputDescriptor>;

type ValueOf<D extends InputDescriptor> = D extends BooleanInput
  ? boolean
  : D extends IntegerInput | SizeInput
    ? number
    : D extends EnumInput<infer V>
      ? V
      : D extends ListInput
        ? string[]
        : string;

type Defined<D extends InputDescriptor> = D extends { required: true }
  ? true
  : D extends { default: unknown }
    ? true
    : false;

type CamelCase<S extends string> = S extends `${infer H}-${infer T}`
  ? `${H}${Capitalize<CamelCase<T>>}`
  : S extends `${infer H} ${infer T}`
    ? `${H}${Capitalize<CamelCase<T>>}`
    : S;

/** `fail-on` becomes `failOn` (and `greeting name` `greetingName`); inputs without a value or default are optional. */
export type InputValues<S extends InputSpec> = {
  [K in keyof S as Defined<S[K]> extends true ? CamelCase<K & string> : never]: ValueOf<S[K]>;
} & {
  [K in keyof S as Defined<S[K]> extends true ? never : CamelCase<K & string>]?: ValueOf<S[K]>;
};

// Generic over the options so that `str({ default: 'x' })` is typed as always present.
export const str = <const O extends Omit<StringInput, 'kind'>>(options: O = {} as O): StringInput & O => ({
  kind: 'string',
  ...options,
});
export const bool = <const O extends Omit<BooleanInput, 'kind'>>(options: O = {} as O): BooleanInput & O => ({
  kind: 'boolean',
  ...options,
});
export const int = <const O extends Omit<IntegerInput, 'kind'>>(options: O = {} as O): IntegerInput & O => ({
  kind: 'integer',
  ...options,
});
export const list = <const O extends Omit<ListInput, 'kind'>>(options: O = {} as O): ListInput & O => ({
  kind: 'list',
  ...options,
});
export const size = <const O extends Omit<SizeInput, 'kind'>>(options: O = {} as O): SizeInput & O => ({
  kind: 'size',
  ...options,
});
export function oneOf<
  const V extends string,
  const O extends Omit<EnumInput<V>, 'kind' | 'values'> = Record<never, never>,
>(values: readonly V[], options: O = {} as O): EnumInput<V> & O {
  return { kind: 'enum', values, ...options };
}

export function camelCase(name: string): string {
  return name.replace(/[- ]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Reads a raw value for an input name; undefined or '' means not given. */
export type RawInputSource = (name: string) => string | undefined;

/** Reads every input of `spec`, collecting all problems before failing, so a user fixes them in one go. */
export function readInputs<S extends InputSpec>(spec: S, source: RawInputSource): InputValues<S> {
  const values: Record<string, unknown> = {};
  const errors: InputError[] = [];
  for (const [name, descriptor] of Object.entries(spec)) {
    try {
      const parsed = readOne(name, descriptor, source(name));
      if (parsed !== undefined) values[camelCase(name)] = parsed;
    } catch (error) {
      if (error instanceof InputError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new InputErrors(errors);
  return values as InputValues<S>;
}

export class InputErrors extends Error {
  readonly errors: InputError[];
  constructor(errors: InputError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'InputErrors';
    this.errors = errors;
  }
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

function readOne(name: string, d: InputDescriptor, raw: string | undefined): unknown {
  const text = raw?.trim();
  if (text === undefined || text === '') {
    if (d.default !== undefined) return d.default;
    if (d.required) throw new InputError(name, 'is required but was not given', describe(d));
    return undefined;
  }
  switch (d.kind) {
    case 'string':
      if (d.pattern && !d.pattern.test(text)) {
        throw new InputError(
          name,
          `'${d.secret ? '***' : text}' is not valid`,
          d.patternHint ?? `a value matching ${d.pattern}`,
        );
      }
      return text;
    case 'boolean':
      // The YAML 1.2 core schema booleans, as @actions/core getBooleanInput accepts.
      if (TRUE.includes(text)) return true;
      if (FALSE.includes(text)) return false;
      throw new InputError(name, `'${text}' is not a boolean`, 'true or false');
    case 'integer': {
      if (!/^[+-]?\d+$/.test(text)) throw new InputError(name, `'${text}' is not an integer`, describe(d));
      const n = Number(text);
      if (!Number.isSafeInteger(n)) throw new InputError(name, `${text} is too large`, describe(d));
      if ((d.min !== undefined && n < d.min) || (d.max !== undefined && n > d.max)) {
        throw new InputError(name, `${n} is out of range`, describe(d));
      }
      return n;
    }
    case 'enum':
      if (!d.values.includes(text))
        throw new InputError(name, `'${text}' is not one of the choices`, describe(d));
      return text;
    case 'list':
      return text
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '' && !item.startsWith('#'));
    case 'size':
      return parseSize(name, text);
  }
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

function parseSize(name: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text);
  const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined)
    throw new InputError(name, `'${text}' is not a size`, 'a byte count such as 1048576, 512k, 10M or 1G');
  const bytes = Math.round(Number(match[1]) * unit);
  if (!Number.isSafeInteger(bytes))
    throw new InputError(name, `'${text}' is too large`, 'a byte count such as 1048576, 512k, 10M or 1G');
  return bytes;
}

export function describe(d: InputDescriptor): string {
  switch (d.kind) {
    case 'string':
      return d.patternHint ?? 'a non-empty string';
    case 'boolean':
      return 'true or false';
    case 'integer':
      if (d.min !== undefined && d.max !== undefined) return `an integer from ${d.min} to ${d.max}`;
      if (d.min !== undefined) return `an integer >= ${d.min}`;
      if (d.max !== undefined) return `an integer <= ${d.max}`;
      return 'an integer';
    case 'enum':
      return `one of ${d.values.map((v) => `'${v}'`).join(', ')}`;
    case 'list':
      return 'a newline- or comma-separated list';
    case 'size':
      return 'a byte count such as 1048576, 512k, 10M or 1G';
  }
}
