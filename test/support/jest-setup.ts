import { afterEach } from '@jest/globals';
import { runCleanups } from './cleanup.ts';

afterEach(runCleanups);
