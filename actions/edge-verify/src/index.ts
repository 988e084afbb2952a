import { runOnGitHub } from '../../../lib/runner.ts';
import definition from './main.ts';

await runOnGitHub(definition);
