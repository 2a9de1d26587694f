/**
 * Each simulated provider's paging dialect, as its own folder exports it: the audit never spells a
 * provider's paging itself.
 */
import { AWS_PAGING } from '../../../mocks/aws/paging-dialect.js';
import type { PagingDialect } from '../../../mocks/core/paging/dialect.js';
import { ENTRA_PAGING } from '../../../mocks/entra/paging-dialect.js';
import { GOOGLE_PAGING } from '../../../mocks/google/paging-dialect.js';
import { SCIM_PAGING } from '../../../mocks/scim/paging-dialect.js';

export const PAGING_DIALECTS: Readonly<Record<string, readonly PagingDialect[]>> = {
  entra: ENTRA_PAGING,
  google: GOOGLE_PAGING,
  aws: AWS_PAGING,
  scim: SCIM_PAGING,
};
