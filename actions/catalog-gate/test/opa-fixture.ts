/**
 * A hand-assembled wasm module that speaks OPA's policy ABI (1.2, the `opa_eval` fast path) so the
 * loader can be tested end to end through the real @open-policy-agent/opa-wasm SDK on a machine
 * without the `opa` compiler. It is NOT compiled Rego: its "values" are raw JSON text, and each
 * entrypoint does one fixed thing:
 *   scan  — deny every string after `"id":"` in the input: ["<id>: denied by the fixture policy", …]
 *   data  — deny = the data document as set by setData (a bundle's /data.json)
 *   abort — calls opa_abort("fixture abort"), as compiled policies do on runtime errors
 * Also: a minimal ustar writer, to build bundle.tar.gz files like `opa build` does.
 */
import { gzipSync } from 'node:zlib';

export type Behaviour = 'scan' | 'data' | 'abort';
const BEHAVIOURS: Behaviour[] = ['scan', 'data', 'abort'];

const u32 = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const s32 = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return (out.push(b), out);
    out.push(b | 0x80);
  }
};
const str = (s: string): number[] => [...u32(Buffer.byteLength(s)), ...Buffer.from(s)];
const vec = (items: number[][]): number[] => [...u32(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...u32(body.length), ...body];

// Opcodes used below.
const I32 = 0x7f;
const VOID = 0x40;
// prettier-ignore
const op = {
  unreachable: 0x00, block: 0x02, loop: 0x03, if: 0x04, else: 0x05, end: 0x0b, br: 0x0c, brIf: 0x0d, call: 0x10,
  get: 0x20, set: 0x21, tee: 0x22, gget: 0x23, gset: 0x24,
  load: 0x28, load8u: 0x2d, load16u: 0x2f, store8: 0x3a, const: 0x41,
  eqz: 0x45, eq: 0x46, gtU: 0x4b, geU: 0x4f, add: 0x6a, and: 0x71,
};
const c = (n: number) => [op.const, ...s32(n)];
const get = (i: number) => [op.get, i];
const set = (i: number) => [op.set, i];
const inc = (i: number) => [...get(i), ...c(1), op.add, ...set(i)];
const mem = (code: number, offset = 0) => [code, 0, ...u32(offset)];
const putByte = (ptr: number, byte: number) => [...get(ptr), ...c(byte), ...mem(op.store8), ...inc(ptr)];

// Memory layout of the constant strings (NUL-terminated), below the heap start.
const AT = { builtins: 0, open: 8, close: 24, suffix: 32, pattern: 96, abort: 112, entrypoints: 128 };
const HEAP = 4096;

/** A policy module whose entrypoint names map to the fixed behaviours above. */
export function fixturePolicyWasm(
  entrypoints: Record<string, Behaviour> = { 'summit/catalog/deny': 'scan' },
): Uint8Array {
  const eps = JSON.stringify(
    Object.fromEntries(Object.entries(entrypoints).map(([name, b]) => [name, BEHAVIOURS.indexOf(b)])),
  );
  if (AT.entrypoints + eps.length + 1 > HEAP) throw new Error('fixture: too many entrypoints');
  // Types: 0 ()->i32, 1 (i32)->i32, 2 (i32,i32)->i32, 3 (i32)->(), 4 (i32 x7)->i32
  // prettier-ignore
  const types = vec([
    [0x60, 0, 1, I32],
    [0x60, 1, I32, 1, I32],
    [0x60, 2, I32, I32, 1, I32],
    [0x60, 1, I32, 0],
    [0x60, 7, I32, I32, I32, I32, I32, I32, I32, 1, I32],
  ]);
  const imports = vec([
    [...str('env'), ...str('memory'), 0x02, 0x00, ...u32(2)],
    [...str('env'), ...str('opa_abort'), 0x00, 3],
  ]);
  // Function indices: 0 is the imported opa_abort.
  const F = {
    builtins: 1,
    entrypoints: 2,
    heapGet: 3,
    heapSet: 4,
    malloc: 5,
    jsonParse: 6,
    jsonDump: 7,
    eval: 8,
    copyz: 9,
  };
  const fnTypes = [0, 0, 0, 3, 1, 2, 1, 4, 2];
  const body = (locals: number, code: number[]) => {
    const b = [...(locals ? vec([[...u32(locals), I32]]) : [0]), ...code, op.end];
    return [...u32(b.length), ...b];
  };
  // copyz(src, dst) -> end of dst: copies a NUL-terminated string (without the NUL).
  // prettier-ignore
  const copyz = body(1, [
    op.block, VOID, op.loop, VOID,
    ...get(0), ...mem(op.load8u), op.tee, 2, op.eqz, op.brIf, 1,
    ...get(1), ...get(2), ...mem(op.store8), ...inc(1), ...inc(0),
    op.br, 0, op.end, op.end,
    ...get(1),
  ]);
  // opa_eval(reserved, entrypoint, data, input, inputLen, heapPtr, format) -> address of the JSON result.
  // Locals: 7 out, 8 i, 9 end, 10 first, 11 byte.
  const OUT = 7,
    I = 8,
    END = 9,
    FIRST = 10,
    B = 11;
  // prettier-ignore
  const scan = [
    ...putByte(OUT, 0x5b),
    ...get(3), ...set(I), ...get(3), ...get(4), op.add, ...set(END), ...c(1), ...set(FIRST),
    op.block, VOID, op.loop, VOID,
    ...get(I), ...c(6), op.add, ...get(END), op.gtU, op.brIf, 1,
    ...get(I), ...mem(op.load), ...c(AT.pattern), ...mem(op.load), op.eq,
    ...get(I), ...mem(op.load16u, 4), ...c(AT.pattern), ...mem(op.load16u, 4), op.eq, op.and,
    op.if, VOID,
    ...get(FIRST), op.eqz, op.if, VOID, ...putByte(OUT, 0x2c), op.end,
    ...c(0), ...set(FIRST),
    ...putByte(OUT, 0x22),
    ...get(I), ...c(6), op.add, ...set(I),
    op.block, VOID, op.loop, VOID,
    ...get(I), ...get(END), op.geU, op.brIf, 1,
    ...get(I), ...mem(op.load8u), op.tee, B, ...c(0x22), op.eq, op.brIf, 1,
    ...get(OUT), ...get(B), ...mem(op.store8), ...inc(OUT), ...inc(I),
    op.br, 0, op.end, op.end,
    ...c(AT.suffix), ...get(OUT), op.call, F.copyz, ...set(OUT),
    op.else, ...inc(I), op.end,
    op.br, 0, op.end, op.end,
    ...putByte(OUT, 0x5d),
  ];
  // prettier-ignore
  const evalFn = body(5, [
    ...get(5), ...set(OUT),
    ...get(1), ...c(2), op.eq, op.if, VOID, ...c(AT.abort), op.call, 0, op.unreachable, op.end,
    ...c(AT.open), ...get(OUT), op.call, F.copyz, ...set(OUT),
    ...get(1), ...c(1), op.eq,
    op.if, VOID, ...get(2), ...get(OUT), op.call, F.copyz, ...set(OUT),
    op.else, ...scan, op.end,
    ...c(AT.close), ...get(OUT), op.call, F.copyz, ...set(OUT),
    ...get(OUT), ...c(0), ...mem(op.store8),
    ...get(OUT), ...c(1), op.add, op.gset, 0,
    ...get(5),
  ]);
  // prettier-ignore
  const code = [
    body(0, c(AT.builtins)),
    body(0, c(AT.entrypoints)),
    body(0, [op.gget, 0]),
    body(0, [...get(0), op.gset, 0]),
    // malloc(n): bump allocator; one spare byte so json_parse can NUL-terminate in place.
    body(0, [op.gget, 0, op.gget, 0, ...get(0), op.add, ...c(1), op.add, op.gset, 0]),
    // json_parse(addr, len): values are the JSON text itself.
    body(0, [...get(0), ...get(1), op.add, ...c(0), ...mem(op.store8), ...get(0)]),
    body(0, get(0)),
    evalFn,
    copyz,
  ];
  const globals = vec([
    [I32, 1, ...c(HEAP), op.end],
    [I32, 0, ...c(1), op.end],
    [I32, 0, ...c(2), op.end],
  ]);
  // prettier-ignore
  const exportsList: [string, number, number][] = [
    ['builtins', 0, F.builtins], ['entrypoints', 0, F.entrypoints], ['opa_heap_ptr_get', 0, F.heapGet], ['opa_heap_ptr_set', 0, F.heapSet],
    ['opa_malloc', 0, F.malloc], ['opa_json_parse', 0, F.jsonParse], ['opa_json_dump', 0, F.jsonDump], ['opa_value_dump', 0, F.jsonDump],
    ['opa_eval', 0, F.eval], ['opa_wasm_abi_version', 3, 1], ['opa_wasm_abi_minor_version', 3, 2],
  ];
  const segment = (offset: number, text: string) => [0, ...c(offset), op.end, ...str(`${text}\0`)];
  const data = vec([
    segment(AT.builtins, '{}'),
    segment(AT.open, '[{"result":'),
    segment(AT.close, '}]'),
    segment(AT.suffix, ': denied by the fixture policy"'),
    segment(AT.pattern, '"id":"'),
    segment(AT.abort, 'fixture abort'),
    segment(AT.entrypoints, eps),
  ]);
  // prettier-ignore
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, types),
    ...section(2, imports),
    ...section(3, vec(fnTypes.map((t) => [t]))),
    ...section(6, globals),
    ...section(7, vec(exportsList.map(([name, kind, index]) => [...str(name), kind, ...u32(index)]))),
    ...section(10, vec(code)),
    ...section(11, data),
  ]);
}

/** A ustar archive of the given files (names as OPA writes them, e.g. "/policy.wasm"), gzipped. */
export function tarGz(files: Record<string, Uint8Array | string>, gzip = true): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const h = Buffer.alloc(512);
    h.write(name, 0, 100, 'utf8');
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  const tar = Buffer.concat(blocks);
  return gzip ? gzipSync(tar) : tar;
}
