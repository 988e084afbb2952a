/**
 * The open-model load generator (k6 is AGPL and is not used here): a constant arrival rate whose
 * arrivals never wait for responses, a timestamp/status/provider/latency record per request, and a
 * summary in k6's shape. `runLoad` is the HTTP entry point; `runOpenModel` takes any Sender.
 */
import { runOpenModel, type LoadRun, type OpenModelOptions } from './generator.ts';
import { httpTarget, type HttpTargetOptions } from './http-target.ts';

export * from './stats.ts';
export * from './schedule.ts';
export * from './providers.ts';
export {
  runOpenModel,
  type LoadRun,
  type OpenModelOptions,
  type Sender,
  type SendOutcome,
} from './generator.ts';
export { httpTarget, type HttpTarget, type HttpTargetOptions } from './http-target.ts';

export interface LoadOptions extends OpenModelOptions, HttpTargetOptions {
  url: string | URL;
}

/** Drives `url` at `rate` requests per second until the count or duration bound. */
export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const target = httpTarget(options.url, options);
  try {
    return await runOpenModel(options, target.send);
  } finally {
    target.close();
  }
}
