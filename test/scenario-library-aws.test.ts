/** Every scenario in scenarios/library/aws/ meets its expectations (see test/support/library-suite.ts). */
import { librarySuite } from './support/library-suite.js';

await librarySuite('aws');
