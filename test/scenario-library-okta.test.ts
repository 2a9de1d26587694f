/** Every scenario in scenarios/library/okta/ meets its expectations (see test/support/library-suite.ts). */
import { librarySuite } from './support/library-suite.js';

await librarySuite('okta');
