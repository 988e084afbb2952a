/**
 * Which keys name a PII field. Names match case-insensitively and ignoring `_`, `-`, `.` and
 * spaces, so `email`, `Email`, `E-Mail` and `user_email` meet the same entry. Values under other
 * keys are still tokenized when the detectors recognise them (detect.ts).
 */
import { ConfigError } from '../../shared/keys.ts';

/** Canonical field → key names that carry it. Field names appear in tokens: `[a-z0-9]{1,24}`. */
export const DEFAULT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  email: ['email', 'emails', 'email_address', 'user_email', 'contact_email', 'mail', 'e_mail'],
  ssn: ['ssn', 'social_security_number', 'social_security', 'sin', 'national_id'],
  phone: ['phone', 'phones', 'phone_number', 'telephone', 'tel', 'mobile', 'mobile_phone', 'cell', 'msisdn'],
  card: ['card', 'card_number', 'cc_number', 'credit_card', 'pan'],
  iban: ['iban', 'bank_account'],
  dob: ['dob', 'date_of_birth', 'birth_date', 'birthdate'],
};

export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s_.-]+/g, '');
}

export class FieldMap {
  private readonly byKey = new Map<string, string>();
  constructor(fields: Readonly<Record<string, readonly string[]>>) {
    for (const [field, aliases] of Object.entries(fields)) {
      if (!/^[a-z0-9]{1,24}$/.test(field))
        throw new ConfigError('TOKENIZE_FIELDS', `field name "${field}" must match [a-z0-9]{1,24}`);
      for (const alias of [field, ...aliases]) this.byKey.set(normaliseKey(alias), field);
    }
  }
  /** The canonical field a key names, or undefined. */
  fieldOf(key: string): string | undefined {
    return this.byKey.get(normaliseKey(key));
  }
}

/** `TOKENIZE_FIELDS` (JSON, optional) adds fields or aliases to the defaults. */
export function fieldMapFrom(raw: string | undefined): FieldMap {
  if (raw === undefined || raw === '') return new FieldMap(DEFAULT_FIELDS);
  let extra: unknown;
  try {
    extra = JSON.parse(raw);
  } catch {
    throw new ConfigError('TOKENIZE_FIELDS', 'not JSON; expected {"<field>": ["<key alias>", …]}');
  }
  if (!extra || typeof extra !== 'object' || Array.isArray(extra))
    throw new ConfigError('TOKENIZE_FIELDS', 'expected {"<field>": ["<key alias>", …]}');
  const merged: Record<string, string[]> = {};
  for (const [field, aliases] of Object.entries(DEFAULT_FIELDS)) merged[field] = [...aliases];
  for (const [field, aliases] of Object.entries(extra)) {
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string'))
      throw new ConfigError('TOKENIZE_FIELDS', `field "${field}": aliases must be an array of strings`);
    merged[field] = [...(merged[field] ?? []), ...(aliases as string[])];
  }
  return new FieldMap(merged);
}
