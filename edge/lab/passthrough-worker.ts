/** The benchmark's peer: forwards the body to ORIGIN_URL as it is, the way the tokenize Worker does. */
export default {
  async fetch(request: Request, env: { ORIGIN_URL: string }): Promise<Response> {
    const url = new URL(request.url);
    const target = new URL(env.ORIGIN_URL);
    target.pathname = url.pathname;
    target.search = url.search;
    const body = new Uint8Array(await request.arrayBuffer());
    return fetch(target.href, {
      method: request.method,
      headers: { 'content-type': request.headers.get('content-type') ?? 'application/json' },
      body: request.method === 'GET' || request.method === 'HEAD' ? null : body,
      redirect: 'manual',
    });
  },
};
