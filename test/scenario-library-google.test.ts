/** Every scenario in scenarios/library/google/ meets its expectations (see test/support/library-suite.ts). */
import { librarySuite } from './support/library-suite.js';

await librarySuite('google');
