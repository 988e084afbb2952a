/**
 * The post step: runs after the main step whatever happened to it (failure, cancellation, a
 * timeout, a SIGKILL) and puts back every lever the saved state says the drill changed.
 */
import { runOnGitHub } from '../../../lib/runner.ts';
import restoreDefinition from './restore.ts';

await runOnGitHub(restoreDefinition);
