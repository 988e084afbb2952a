// The benchmark's floor: YAML parse + ajv schema over every file in a directory, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { scaledObjectSchema } from '../../actions/keda-verify/src/schema.ts';

const dir = process.argv[2]!;
const validate = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true }).compile(
  scaledObjectSchema,
);
let invalid = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')))
  for (const d of parseAllDocuments(readFileSync(`${dir}/${f}`, 'utf8'))) if (!validate(d.toJS())) invalid++;
if (invalid) process.exit(1);
