/**
 * The benchmark's target in a process of its own (the generators must not share an event loop
 * with the server they measure): the edge lab's us-east origin, the lightest server of the lab, so
 * the figures measure the generators rather than a CPU-starved proxy chain. Prints its URL, stops
 * on SIGTERM.
 */
import { startOrigin } from '../../lab/edge/origin.ts';

const origin = await startOrigin('us-east-1');
process.stdout.write(`${origin.url}/\n`);
process.once('SIGTERM', () => {
  void origin.close().then(() => process.exit(0));
});
