/**
 * Which CDN served a response, from the headers each one adds on its own (a user cannot see DNS,
 * but every response names its edge): Cloudflare sets `cf-ray` (`<id>-<colo>`), CloudFront sets
 * `x-amz-cf-pop` and `x-amz-cf-id`.
 */
export type HeaderLookup = (name: string) => string | string[] | undefined | null;

export interface ProviderMatch {
  provider: string;
  /** The edge location when the header carries one (IAD, IAD89-C1). */
  pop?: string;
}

export function providerFromHeaders(get: HeaderLookup): ProviderMatch {
  const first = (name: string): string | undefined => {
    const value = get(name);
    if (Array.isArray(value)) return value[0];
    return value ?? undefined;
  };
  const ray = first('cf-ray');
  if (ray) {
    const dash = ray.lastIndexOf('-');
    return dash > 0 ? { provider: 'cloudflare', pop: ray.slice(dash + 1) } : { provider: 'cloudflare' };
  }
  const pop = first('x-amz-cf-pop');
  if (pop) return { provider: 'cloudfront', pop };
  if (first('x-amz-cf-id')) return { provider: 'cloudfront' };
  return { provider: '' };
}
