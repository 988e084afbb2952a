/** Durations as people write them in workflow inputs: 90, 90s, 1500ms, 2m (a bare number is seconds). */
import { InputError } from './inputs.ts';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

export function parseDuration(input: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  if (!match) throw new InputError(input, `'${text}' is not a duration`, 'e.g. 90, 90s, 1500ms or 2m');
  return Number(match[1]) * UNITS[match[2] ?? 's']!;
}
