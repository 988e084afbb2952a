/**
 * Ed25519 role claims for the vault.
 *
 *   node edge/scripts/claim.ts keygen <kid>
 *       prints a new key pair: the private key (PKCS#8, base64url) for the signer's secret store,
 *       and the CLAIM_KEYS entry (raw public key) for the vault.
 *   node edge/scripts/claim.ts sign <kid> --sub <who> --role <role> [--role <role>…] [--ttl <seconds>]
 *       reads the private key from CLAIM_SIGNING_KEY and prints a claim (default ttl 300 s,
 *       at most 900 s: the vault refuses longer ones).
 */
import { webcrypto } from 'node:crypto';
import { MAX_CLAIM_SECONDS, signClaim } from '../workers/shared/claims.ts';

const b64url = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64url');

export async function keygen(
  kid: string,
): Promise<{ privateKey: string; claimKeys: Record<string, string> }> {
  const pair = (await webcrypto.subtle.generateKey('Ed25519', true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  return {
    privateKey: b64url(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey)),
    claimKeys: { [kid]: b64url(await webcrypto.subtle.exportKey('raw', pair.publicKey)) },
  };
}

export async function sign(
  kid: string,
  privateKey: string,
  sub: string,
  roles: string[],
  ttlSeconds: number,
  now = Math.floor(Date.now() / 1000),
): Promise<string> {
  if (!(ttlSeconds > 0 && ttlSeconds <= MAX_CLAIM_SECONDS))
    throw new Error(`--ttl must be between 1 and ${MAX_CLAIM_SECONDS} seconds`);
  const key = await webcrypto.subtle.importKey(
    'pkcs8',
    Buffer.from(privateKey, 'base64url'),
    'Ed25519',
    false,
    ['sign'],
  );
  return signClaim(key, { sub, roles, kid, iat: now, exp: now + ttlSeconds });
}

function values(argv: string[], name: string): string[] {
  return argv.flatMap((a, k) => (a === name && argv[k + 1] !== undefined ? [argv[k + 1]!] : []));
}

export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out = console.log,
): Promise<number> {
  const [command, kid] = argv;
  if (command === 'keygen' && kid) {
    const { privateKey, claimKeys } = await keygen(kid);
    out(`private key (keep secret, e.g. CLAIM_SIGNING_KEY): ${privateKey}`);
    out(`vault CLAIM_KEYS entry: ${JSON.stringify(claimKeys)}`);
    return 0;
  }
  if (command === 'sign' && kid) {
    const key = env['CLAIM_SIGNING_KEY'];
    const [sub] = values(argv, '--sub');
    const roles = values(argv, '--role');
    if (!key || !sub || roles.length === 0) {
      out('sign needs CLAIM_SIGNING_KEY in the environment, --sub <who> and at least one --role <role>');
      return 2;
    }
    try {
      out(await sign(kid, key, sub, roles, Number(values(argv, '--ttl')[0] ?? 300)));
      return 0;
    } catch (e) {
      out((e as Error).message);
      return 2;
    }
  }
  out('usage: claim.ts keygen <kid> | claim.ts sign <kid> --sub <who> --role <role> [--ttl <seconds>]');
  return 2;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
