/**
 * Each simulated provider's paging dialect, as its descriptor holds it: the audit never spells a
 * provider's paging itself.
 */
import type { PagingDialect } from '../../../mocks/core/paging/dialect.js';
import { PROVIDERS } from '../../../mocks/providers.js';

export const PAGING_DIALECTS: Readonly<Record<string, readonly PagingDialect[]>> = Object.fromEntries(PROVIDERS.map((p) => [p.name, p.paging]));
