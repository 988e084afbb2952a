/** The restore-only definition the post step runs (same inputs as the drill, `mode` ignored). */
import { defineAction } from '../../../lib/action.ts';
import { INPUTS } from './inputs.ts';
import { restoreOnly } from './main.ts';

export default defineAction({
  name: 'failover-drill',
  inputs: INPUTS,
  run: (inputs, context) => restoreOnly(inputs, context),
});
