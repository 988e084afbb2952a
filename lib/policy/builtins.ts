/**
 * Built-in functions compiled Rego calls that @open-policy-agent/opa-wasm does not implement,
 * supplied to the wasm module with OPA's semantics: time values are nanoseconds since the epoch,
 * a time zone is an IANA name ("" = UTC), weekday names are English and capitalised.
 * `now` is the run's clock, so `time.now_ns()` is the same instant the rest of the run uses.
 */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone || 'UTC',
      weekday: 'long',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(zone, f);
  }
  return f;
}

/** OPA's `x` or `[x, tz]` argument form. */
function nsAndZone(arg: unknown, name: string): { ms: number; zone: string } {
  const [ns, zone] = Array.isArray(arg) ? arg : [arg, ''];
  if (typeof ns !== 'number' || !Number.isFinite(ns)) throw new Error(`${name}: expected nanoseconds`);
  if (typeof zone !== 'string') throw new Error(`${name}: the time zone must be a string`);
  // Go's time.LoadLocation("Local") is the machine's zone; a policy must not depend on the runner.
  if (zone === 'Local') throw new Error(`${name}: time zone "Local" differs per machine; name the zone`);
  return { ms: Math.floor(ns / 1_000_000), zone };
}

function parts(arg: unknown, name: string) {
  const { ms, zone } = nsAndZone(arg, name);
  let out;
  try {
    out = format(zone).formatToParts(new Date(ms));
  } catch {
    throw new Error(`${name}: unknown time zone '${zone}'`);
  }
  const get = (type: string) => out.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: get('weekday'),
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
  };
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

export function opaTimeBuiltins(now: () => Date): Record<string, (...args: unknown[]) => unknown> {
  return {
    'time.now_ns': () => now().getTime() * 1_000_000,
    'time.parse_rfc3339_ns': (value) => {
      const m = typeof value === 'string' ? RFC3339.exec(value) : null;
      const ms = m ? Date.parse(value as string) : Number.NaN;
      if (!m || Number.isNaN(ms) || new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).getUTCDate() !== +m[3]!)
        throw new Error(`time.parse_rfc3339_ns: '${String(value).slice(0, 40)}' is not an RFC 3339 time`);
      const fraction = m[7] ? Number(m[7].slice(1).padEnd(9, '0')) : 0;
      return Math.floor(ms / 1000) * 1_000_000_000 + fraction;
    },
    'time.weekday': (arg) => parts(arg, 'time.weekday').weekday,
    'time.clock': (arg) => {
      const p = parts(arg, 'time.clock');
      return [p.hour, p.minute, p.second];
    },
    'time.date': (arg) => {
      const p = parts(arg, 'time.date');
      return [p.year, p.month, p.day];
    },
  };
}

export const WEEKDAY_NAMES = WEEKDAYS;
