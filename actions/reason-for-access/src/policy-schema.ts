/**
 * JSON Schema (2020-12) of the access-policy file. Kept as a module so the bundle needs no file
 * beside it; schema/access-policy.schema.json is the published copy for editors, and a test keeps
 * the two identical.
 */
import { openFgaRolesSchema } from './openfga-policy.ts';

const roleName = { type: 'string', pattern: '^[a-z][a-z0-9-]*$' } as const;
const roleList = { type: 'array', items: roleName, uniqueItems: true } as const;
const isoInstant = {
  type: 'string',
  // An offset is required: a freeze window without a time zone means different things on each runner.
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
  format: 'date-time',
} as const;
const clock = { type: 'string', pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' } as const;

const kindRule = {
  type: 'object',
  additionalProperties: false,
  properties: {
    roles: {
      ...roleList,
      description: 'The actor must hold at least one of these roles. Empty or absent: no role needed.',
    },
    assurance: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description:
        'Every listed method must appear in the verified assurance claim (e.g. webauthn, hwk, mfa).',
    },
    dualControl: {
      description: 'true, or an object: an approver other than the actor is required.',
      oneOf: [
        { type: 'boolean' },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            approverRoles: {
              ...roleList,
              description: 'An approval counts only when the approver holds one of these roles.',
            },
            minApprovals: { type: 'integer', minimum: 1, maximum: 10 },
          },
        },
      ],
    },
    refs: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
      description:
        "Allowed git refs: globs ('*' within a segment, '**' across) or /regex/ (matched against the whole ref).",
    },
  },
} as const;

const freezeWindow = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['start', 'end'],
      properties: { start: isoInstant, end: isoInstant, note: { type: 'string' } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['weekly'],
      properties: {
        weekly: {
          type: 'object',
          additionalProperties: false,
          required: ['days', 'from', 'to', 'timeZone'],
          properties: {
            days: {
              type: 'array',
              minItems: 1,
              uniqueItems: true,
              items: { enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
            },
            from: clock,
            to: clock,
            timeZone: {
              type: 'string',
              minLength: 1,
              description: 'An IANA zone such as Europe/Berlin or UTC.',
            },
          },
        },
        note: { type: 'string' },
      },
    },
  ],
} as const;

const githubRoles = {
  type: 'object',
  description:
    'Role name -> who holds it: GitHub teams (org/team-slug; {owner} is the repository owner) and/or users.',
  propertyNames: roleName,
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    properties: {
      teams: {
        type: 'array',
        uniqueItems: true,
        items: {
          type: 'string',
          pattern: '^(\\{owner\\}|[A-Za-z0-9][A-Za-z0-9-]*)/[A-Za-z0-9][A-Za-z0-9_.-]*$',
        },
      },
      users: {
        type: 'array',
        uniqueItems: true,
        items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]*(\\[bot\\])?$' },
      },
    },
  },
} as const;

export const accessPolicySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/summit-ops/summit-ops/actions/reason-for-access/schema/access-policy.schema.json',
  title: 'reason-for-access access policy',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'environments'],
  properties: {
    version: { const: 1 },
    reason: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minLength: { type: 'integer', minimum: 1, maximum: 500 },
        maxLength: { type: 'integer', minimum: 10, maximum: 5000 },
        ticketPattern: { type: 'string', minLength: 1, maxLength: 200 },
        ticketHint: { type: 'string' },
      },
    },
    roles: {
      description:
        'Either role name -> who holds it (GitHub teams and users), or { source: openfga, … }: roles from an OpenFGA store.',
      if: { type: 'object', required: ['source'], properties: { source: { type: 'string' } } },
      then: openFgaRolesSchema,
      else: githubRoles,
    },
    rolesFile: {
      type: 'string',
      minLength: 1,
      description: 'Workspace-relative YAML file: { roles: { <role>: [users] } }.',
    },
    assurance: {
      type: 'object',
      additionalProperties: false,
      required: ['issuer', 'audience', 'jwks'],
      properties: {
        issuer: { type: 'string', minLength: 1 },
        audience: { type: 'string', minLength: 1 },
        jwks: {
          type: 'string',
          minLength: 1,
          description: 'https:// URL of the JWKS, or a workspace-relative file.',
        },
        actorClaim: {
          type: 'string',
          minLength: 1,
          description: 'Claim holding the GitHub login; default github_login.',
        },
        methodsClaim: {
          type: 'string',
          minLength: 1,
          description: 'Claim listing authentication methods; default amr.',
        },
        maxAgeSeconds: {
          type: 'integer',
          minimum: 30,
          maximum: 86400,
          description: 'Maximum age of auth_time; default 900.',
        },
      },
    },
    environments: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          freeze: { type: 'array', items: freezeWindow },
          deploy: kindRule,
          delete: kindRule,
        },
      },
    },
  },
} as const;
