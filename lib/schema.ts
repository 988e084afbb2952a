/**
 * JSON Schema validation (ajv) whose errors land on the YAML line that caused them, worded for a
 * person: `db/catalog/migrations.yaml:12:5: /0/risk must be one of low, medium, high`.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ConfigError, pointerToPath, type LoadedConfig } from './config.ts';

// ajv-formats is CommonJS; under ESM its default export arrives wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

export interface SchemaProblem {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export function compileSchema(schema: object): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Validates a loaded config; returns every problem positioned at its YAML line, none if valid. */
export function validateConfig(config: LoadedConfig, validate: ValidateFunction): SchemaProblem[] {
  if (validate(config.value)) return [];
  return (validate.errors ?? []).filter(isUseful).map((error) => toProblem(config, error));
}

/** Throws the first problem as a ConfigError (for callers that stop at the first error). */
export function assertValid(config: LoadedConfig, validate: ValidateFunction): void {
  const [first] = validateConfig(config, validate);
  if (first) throw new ConfigError(first.file, first, first.message);
}

function isUseful(error: ErrorObject): boolean {
  // `if`/`then` wrappers repeat what the inner error already says.
  return error.keyword !== 'if';
}

function toProblem(config: LoadedConfig, error: ErrorObject): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const where = error.instancePath || '(top level)';
  let message: string;
  let position;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      position = config.locateKey([...path, key]);
      message = `${where}: unknown key '${key}'; remove it or check its spelling`;
      break;
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      position = config.locate(path);
      message = `${where}: missing required key '${missing}'`;
      break;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ');
      position = config.locate(path);
      message = `${where} must be one of ${allowed}`;
      break;
    }
    default:
      position = config.locate(path);
      message = `${where} ${error.message ?? 'is invalid'}`;
  }
  return {
    file: config.file,
    line: position.line,
    column: position.column,
    path: error.instancePath,
    message,
  };
}
