/**
 * The access policy's `roles: { source: openfga, … }` form: its JSON Schema and the checks the
 * schema cannot express. The roles it defines are the keys of `relations`, so every role an
 * environment names must map to a relation of the model.
 */
import { DEFAULT_OBJECT, DEFAULT_TIMEOUT_MS, type OpenFgaRoleSource } from './openfga.ts';

// OpenFGA store and model ids are ULIDs.
const ulid = { type: 'string', pattern: '^[0-7][0-9A-HJKMNP-TV-Z]{25}$' } as const;

export const openFgaRolesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['source', 'apiUrl', 'storeId', 'authorizationModelId', 'relations'],
  description:
    'Roles from an OpenFGA store: a role is held when OpenFGA says user:<login> has its relation on the environment object. The API token is the openfga-token input.',
  properties: {
    source: { enum: ['openfga'] },
    apiUrl: {
      type: 'string',
      pattern: '^https?://\\S+$',
      description: 'Base URL of the OpenFGA HTTP API (https://, or http:// on 127.0.0.1/localhost).',
    },
    storeId: ulid,
    authorizationModelId: {
      ...ulid,
      description:
        'The model to check against, pinned: a new model changes nothing until the policy says so.',
    },
    relations: {
      type: 'object',
      minProperties: 1,
      description: 'Role name -> relation on the environment object, e.g. release-captain: release_captain.',
      propertyNames: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: { type: 'string', pattern: '^[^:#@\\s]{1,50}$' },
    },
    object: {
      type: 'string',
      pattern: '^[^:#@\\s]{1,254}:[^#@\\s]*\\{environment\\}[^#@\\s]*$',
      description: "The object each role is checked on; default 'environment:{environment}'.",
    },
    timeoutSeconds: { type: 'integer', minimum: 1, maximum: 60, description: 'Per request; default 10.' },
  },
} as const;

export interface RawOpenFgaRoles {
  source: 'openfga';
  apiUrl: string;
  storeId: string;
  authorizationModelId: string;
  relations: Record<string, string>;
  object?: string;
  timeoutSeconds?: number;
}

export function isOpenFgaRoles(raw: unknown): raw is RawOpenFgaRoles {
  return typeof raw === 'object' && raw !== null && (raw as { source?: unknown }).source === 'openfga';
}

/**
 * The role source from a schema-valid `roles:` block; `fail(path, message)` throws a ConfigError at
 * that key. `rolesFile` lists GitHub users for roles, which would bypass the graph.
 */
export function openFgaRoleSource(
  raw: RawOpenFgaRoles,
  rolesFile: string | undefined,
  fail: (path: (string | number)[], message: string) => never,
): OpenFgaRoleSource {
  if (/^http:\/\//i.test(raw.apiUrl) && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/i.test(raw.apiUrl))
    fail(
      ['roles', 'apiUrl'],
      'roles.apiUrl must use https:// (role answers and the token over plain HTTP can be read or swapped in transit)',
    );
  if (rolesFile !== undefined)
    fail(
      ['rolesFile'],
      'rolesFile cannot be combined with roles.source: openfga; grant the role with a tuple in the OpenFGA store instead',
    );
  return {
    source: 'openfga',
    apiUrl: raw.apiUrl.replace(/\/+$/, ''),
    storeId: raw.storeId,
    authorizationModelId: raw.authorizationModelId,
    relations: { ...raw.relations },
    object: raw.object ?? DEFAULT_OBJECT,
    timeoutMs: raw.timeoutSeconds === undefined ? DEFAULT_TIMEOUT_MS : raw.timeoutSeconds * 1000,
  };
}
