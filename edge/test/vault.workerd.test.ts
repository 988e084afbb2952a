/**
 * The vault Worker in workerd with real D1: signed writes only, role claims for detokenize with an
 * audit entry per attempt, the attestation chain, TTL purge, key rotation; and the tokenize
 * Worker failing closed (503, origin untouched) when the vault is down, slow, broken or
 * misconfigured.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRng } from '../../lib/dlp/synth.ts';
import { onCleanup } from '../../test/support/cleanup.ts';
import { describeUnless } from '../../test/support/components.ts';
import { expectNoLeak } from '../../test/support/leak.ts';
import { verifyChain, type Attestation } from '../workers/shared/attest.ts';
import { signWrite } from '../workers/shared/write-auth.ts';
import { rotateKeys, startEdgeLab, type EdgeLab } from '../lab/lab.ts';
import { piiValues, plantedDocument, plantedIn } from '../lab/synthetic-pii.ts';
import { NO_WORKERD } from './workerd.ts';

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function tokenOf(lab: EdgeLab, field: string, value: string): Promise<string> {
  lab.origin.received.length = 0;
  const res = await lab.send('/t', post({ [field]: value }));
  expect(res.status).toBe(200);
  return JSON.parse(lab.origin.received[0]!.body.toString())[field];
}

async function detokenize(lab: EdgeLab, tokens: string[], claim?: string) {
  const res = await lab.vault(
    '/detokenize',
    post({ tokens }, claim ? { authorization: `Claim ${claim}` } : {}),
  );
  return {
    status: res.status,
    body: (await res.json()) as { values?: Record<string, string | null>; error?: string },
  };
}

async function auditRows(lab: EdgeLab) {
  const res = await lab.vault('/audit', {
    headers: { authorization: `Claim ${await lab.claim(['auditor'])}` },
  });
  return ((await res.json()) as { records: Array<Record<string, unknown>> }).records;
}

describeUnless(NO_WORKERD)('vault Worker in workerd', () => {
  let lab: EdgeLab;
  beforeAll(async () => {
    lab = await startEdgeLab();
  });
  afterAll(async () => {
    await lab?.dispose();
  });

  test('detokenize needs a signed, unexpired claim with the role; every attempt is audited', async () => {
    const { email, ssn } = piiValues(seededRng(31));
    const tEmail = await tokenOf(lab, 'email', email);
    const tSsn = await tokenOf(lab, 'ssn', ssn);
    const before = (await auditRows(lab)).length;

    const allowed = await detokenize(
      lab,
      [tEmail, tSsn],
      await lab.claim(['pii-reader'], { sub: 'support-42' }),
    );
    expect(allowed).toEqual({ status: 200, body: { values: { [tEmail]: email, [tSsn]: ssn } } });

    const scoped = await detokenize(lab, [tEmail], await lab.claim(['pii-reader:email']));
    expect(scoped.body.values).toEqual({ [tEmail]: email });

    const refusals = [
      await detokenize(lab, [tEmail]),
      await detokenize(lab, [tEmail], await lab.claim(['auditor'])),
      await detokenize(lab, [tSsn], await lab.claim(['pii-reader:email'])),
      await detokenize(lab, [tEmail], await lab.claim(['pii-reader'], { ttlSeconds: 60, iatOffset: -120 })),
      await detokenize(lab, [tEmail], await lab.claim(['pii-reader'], { signer: 'stranger' })),
      await detokenize(lab, [tEmail], await lab.claim(['pii-reader'], { ttlSeconds: 3600 })),
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 403, 403, 401, 401, 401]);
    for (const [i, r] of refusals.entries()) {
      expect(Object.keys(r.body as object)).not.toContain('values');
      expectNoLeak(JSON.stringify(r.body), [email, ssn], `refusal #${i}`);
    }

    const rows = (await auditRows(lab)).slice(before);
    expect(rows.map((r) => [r['action'], r['outcome'], r['reason']])).toEqual([
      ['detokenize', 'allowed', null],
      ['detokenize', 'allowed', null],
      ['detokenize', 'denied', 'claim_missing'],
      ['detokenize', 'denied', 'role:email'],
      ['detokenize', 'denied', 'role:ssn'],
      ['detokenize', 'denied', 'claim_expired'],
      ['detokenize', 'denied', 'claim_bad-signature'],
      ['detokenize', 'denied', 'claim_too-long'],
    ]);
    expect(rows[0]!['subject']).toBe('support-42');
    expectNoLeak(JSON.stringify(rows), [email, ssn], 'the audit rows');
  });

  test('an unknown token reveals nothing, even with the role', async () => {
    const unknown = 'tok_email_v1_' + 'Q'.repeat(32);
    expect((await detokenize(lab, [unknown], await lab.claim(['pii-reader']))).body).toEqual({
      values: { [unknown]: null },
    });
  });

  test('writes need a fresh signature over the body: unsigned, stale, altered or bearer writes are refused', async () => {
    const entry = {
      token: 'tok_email_v1_' + 'W'.repeat(32),
      field: 'email',
      keyVersion: 1,
      envelope: { kek: 1, iv: 'AAAA', ct: 'AAAA', wiv: 'AAAA', wk: 'AAAA' },
    };
    const body = JSON.stringify({ entries: [entry] });
    const now = Math.floor(Date.now() / 1000);
    const attempts: Array<Record<string, string>> = [
      {},
      { 'x-vault-signature': await signWrite(lab.keys.writeSecret, body, now - 600) },
      { 'x-vault-signature': await signWrite(lab.keys.writeSecret, body.replace('W', 'X'), now) },
      { authorization: `Bearer ${lab.keys.writeSecret}` },
      { 'x-vault-signature': await signWrite('another-secret-another-secret-1234', body, now) },
    ];
    for (const headers of attempts)
      expect((await lab.vault('/tokenize', post(body, headers))).status).toBe(401);
    const ok = await lab.vault(
      '/tokenize',
      post(body, { 'x-vault-signature': await signWrite(lab.keys.writeSecret, body, now) }),
    );
    expect(ok.status).toBe(200);
    const bad = JSON.stringify({ entries: [{ ...entry, field: 'ssn' }] });
    expect(
      (
        await lab.vault(
          '/tokenize',
          post(bad, { 'x-vault-signature': await signWrite(lab.keys.writeSecret, bad, now) }),
        )
      ).status,
    ).toBe(400);
  });

  test('every stored token is attested in a hash chain that verifies; D1 refuses edits to it', async () => {
    const planted = plantedDocument(77);
    await lab.send('/c', post(planted.body));
    const res = await lab.vault('/attestations', {
      headers: { authorization: `Claim ${await lab.claim(['auditor'])}` },
    });
    const { records } = (await res.json()) as { records: Attestation[] };
    expect(records.length).toBeGreaterThan(10);
    expect(await verifyChain(records)).toMatchObject({ ok: true, count: records.length });
    expect(plantedIn(JSON.stringify(records), planted.values)).toEqual([]);
    // Replaying a token already stored adds no record; a new one extends the chain.
    await lab.send('/c', post(planted.body));
    const again = (await (
      await lab.vault('/attestations', {
        headers: { authorization: `Claim ${await lab.claim(['auditor'])}` },
      })
    ).json()) as { records: Attestation[] };
    expect(again.records).toHaveLength(records.length);
    const db = await lab.mf.getD1Database('DB', 'vault');
    await expect(db.prepare("UPDATE attestations SET field = 'x' WHERE seq = 1").run()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prepare('DELETE FROM attestations').run()).rejects.toThrow(/append-only/);
    await expect(db.prepare('DELETE FROM audit').run()).rejects.toThrow(/append-only/);
    // Nothing in D1 holds a planted value in clear.
    const dump = JSON.stringify((await db.prepare('SELECT * FROM tokens').all()).results);
    expect(plantedIn(dump, planted.values)).toEqual([]);
    // Reading the chain needs the auditor role.
    expect(
      (
        await lab.vault('/attestations', {
          headers: { authorization: `Claim ${await lab.claim(['pii-reader'])}` },
        })
      ).status,
    ).toBe(403);
    expect((await lab.vault('/attestations')).status).toBe(401);
  });

  test('concurrent writes keep one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, k) => lab.send('/c', post(plantedDocument(300 + k).body))),
    );
    const res = await lab.vault('/attestations', {
      headers: { authorization: `Claim ${await lab.claim(['auditor'])}` },
    });
    const { records } = (await res.json()) as { records: Attestation[] };
    expect(await verifyChain(records)).toMatchObject({ ok: true, count: records.length });
  });
});

describeUnless(NO_WORKERD)('vault lifecycle', () => {
  test('expired entries resolve to nothing and the scheduled purge deletes them', async () => {
    const lab = await startEdgeLab({ vaultVars: { TOKEN_TTL_SECONDS: '1' } });
    onCleanup(() => lab.dispose());
    const { email } = piiValues(seededRng(41));
    const token = await tokenOf(lab, 'email', email);
    expect((await detokenize(lab, [token], await lab.claim(['pii-reader']))).body.values).toEqual({
      [token]: email,
    });
    await new Promise((r) => setTimeout(r, 1100));
    expect((await detokenize(lab, [token], await lab.claim(['pii-reader']))).body.values).toEqual({
      [token]: null,
    });
    const db = await lab.mf.getD1Database('DB', 'vault');
    expect((await db.prepare('SELECT count(*) AS n FROM tokens').first<{ n: number }>())!.n).toBe(1);
    const vault = (await lab.mf.getWorker('vault')) as unknown as {
      scheduled(o: { cron: string }): Promise<unknown>;
    };
    await vault.scheduled({ cron: '17 * * * *' });
    expect((await db.prepare('SELECT count(*) AS n FROM tokens').first<{ n: number }>())!.n).toBe(0);
    expect(lab.logs.some((l) => l['event'] === 'purged' && l['purged'] === 1)).toBe(true);
    // The attestation stays: it holds no value, and the chain must not lose records.
    expect((await db.prepare('SELECT count(*) AS n FROM attestations').first<{ n: number }>())!.n).toBe(1);
  });

  test('key rotation: new tokens carry v2, v1 tokens stay resolvable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-d1-'));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    const lab = await startEdgeLab({ d1Persist: dir });
    onCleanup(() => lab.dispose());
    const { email } = piiValues(seededRng(51));
    const v1 = await tokenOf(lab, 'email', email);
    expect(v1).toMatch(/^tok_email_v1_/);
    await lab.restart({ d1Persist: dir, keys: rotateKeys(lab.keys) });
    const v2 = await tokenOf(lab, 'email', email);
    expect(v2).toMatch(/^tok_email_v2_/);
    expect((await detokenize(lab, [v1, v2], await lab.claim(['pii-reader']))).body.values).toEqual({
      [v1]: email,
      [v2]: email,
    });
    // Dropping v1 from the KEK set (too early) makes v1 entries unreadable: the vault fails, it does not guess.
    const onlyV2 = {
      ...lab.keys,
      keks: { 2: lab.keys.keks[2]! },
      tokenSecrets: { 2: lab.keys.tokenSecrets[2]! },
    };
    await lab.restart({ d1Persist: dir, keys: onlyV2 });
    expect((await detokenize(lab, [v1], await lab.claim(['pii-reader']))).status).toBe(500);
  });
});

/** A local server standing where the vault should be: closed port, slow, or failing. */
async function fakeVaultEndpoint(
  mode: 'slow' | 'error',
): Promise<{ url: string; hits: number; server: Server }> {
  const state = { url: '', hits: 0, server: undefined as unknown as Server };
  state.server = createServer((req, res) => {
    state.hits++;
    req.resume();
    if (mode === 'error') {
      res.writeHead(500).end('{"error":"internal"}');
      return;
    }
    setTimeout(() => res.writeHead(200).end('{"stored":0}'), 1500).unref();
  });
  await new Promise<void>((r) => state.server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

describeUnless(NO_WORKERD)('fail closed', () => {
  const planted = plantedDocument(91);
  let closedPort: string;
  beforeAll(async () => {
    // A port that was just free and is closed again: connection refused.
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    closedPort = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    await new Promise((r) => s.close(r));
  });

  async function expect503(lab: EdgeLab, code: string): Promise<void> {
    const res = await lab.send('/orders', post(planted.body));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: code });
    expect(lab.origin.received).toEqual([]);
    expect(plantedIn(JSON.stringify(lab.logs), planted.values)).toEqual([]);
    expect(lab.logs.some((l) => l['event'] === 'failed_closed' && l['code'] === code)).toBe(true);
  }

  test('vault down (connection refused) → 503, origin saw nothing', async () => {
    const lab = await startEdgeLab({ vaultUrl: closedPort });
    onCleanup(() => lab.dispose());
    await expect503(lab, 'vault_network');
  });

  test('vault slower than VAULT_TIMEOUT_MS → 503, origin saw nothing', async () => {
    const slow = await fakeVaultEndpoint('slow');
    onCleanup(() => new Promise((r) => slow.server.close(r)));
    onCleanup(() => slow.server.closeAllConnections());
    const lab = await startEdgeLab({ vaultUrl: slow.url, tokenizeVars: { VAULT_TIMEOUT_MS: '200' } });
    onCleanup(() => lab.dispose());
    await expect503(lab, 'vault_timeout');
    expect(slow.hits).toBe(1);
  });

  test('vault answering 500 → 503, origin saw nothing', async () => {
    const failing = await fakeVaultEndpoint('error');
    onCleanup(() => new Promise((r) => failing.server.close(r)));
    const lab = await startEdgeLab({ vaultUrl: failing.url });
    onCleanup(() => lab.dispose());
    await expect503(lab, 'vault_status');
  });

  test('the real vault with broken storage (no migration) → 503 through the service binding', async () => {
    const lab = await startEdgeLab({ migrate: false });
    onCleanup(() => lab.dispose());
    await expect503(lab, 'vault_status');
  });

  test('a missing secret → 503 naming the variable in the log, origin saw nothing', async () => {
    const lab = await startEdgeLab({ tokenizeVars: { TOKEN_SECRETS: '' } });
    onCleanup(() => lab.dispose());
    await expect503(lab, 'config_error');
    expect(lab.logs.find((l) => l['code'] === 'config_error')!['detail']).toMatch(
      /^TOKEN_SECRETS: secret not set/,
    );
  });

  test('an origin that does not answer → 502 origin_unreachable, logged without values', async () => {
    const lab = await startEdgeLab({ tokenizeVars: { ORIGIN_URL: closedPort } });
    onCleanup(() => lab.dispose());
    const res = await lab.send('/orders', post(planted.body));
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: 'origin_unreachable' });
    expect(plantedIn(JSON.stringify(lab.logs), planted.values)).toEqual([]);
  });

  test('a body without PII still goes through when the vault is down (nothing to store)', async () => {
    const lab = await startEdgeLab({ vaultUrl: closedPort });
    onCleanup(() => lab.dispose());
    const res = await lab.send('/orders', post({ sku: 'A-1', qty: 2 }));
    expect(res.status).toBe(200);
    expect(lab.origin.received).toHaveLength(1);
  });
});

describe('test helpers', () => {
  test('plantedIn finds a planted value re-grouped (so the origin checks can fail)', () => {
    const groups = ['4111', '1111', '1111', '1111']; // the well-known Visa test number, built at run time
    expect(plantedIn(`{"x":"${groups.join(' ')}"}`, [groups.join('')])).toEqual([0]);
    expect(plantedIn('{"x":"A@B.CO"}', ['a@b.co'])).toEqual([0]);
    expect(plantedIn('{"x":"tok_email_v1_x"}', ['a@b.co'])).toEqual([]);
  });
});
