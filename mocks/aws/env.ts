/** Everything the AWS endpoints share within one simulator. */
import type { SimContext } from '../core/context.js';
import type { ProviderRuntime } from '../core/route.js';
import type { ActionPolicy } from './auth/action-policy.js';
import type { KeyStore } from './auth/key-store.js';
import type { AwsAccount } from './credentials.js';
import type { IamDirectory } from './iam/directory.js';
import type { PageTokenCodec } from './paging/page-token.js';

export type AwsService = 'iam' | 'sts' | 'identitystore';

export interface AwsBases {
  /** IAM Query API, e.g. `https://iam.amazonaws.com` (no trailing slash). */
  iam: string;
  /** STS Query API, e.g. `https://sts.amazonaws.com`. */
  sts: string;
  /** Identity Store JSON API, e.g. `https://identitystore.us-east-1.amazonaws.com`. */
  identityStore: string;
}

export interface AwsEnv {
  ctx: SimContext;
  bases: AwsBases;
  region: string;
  account: AwsAccount;
  /** What the connector's identity policy allows (patterns such as `iam:List*`). */
  allowed: ActionPolicy;
  writeBack: boolean;
  /** When set, the connector role's trust policy requires this `sts:ExternalId`. */
  externalId?: string;
  /** Whether IAM lists sometimes cut a page short while IsTruncated stays true (real IAM does). */
  shortPages: boolean;
  keys: KeyStore;
  iam: IamDirectory;
  /** IAM `Marker`s. */
  markers: PageTokenCodec;
  /** Identity Store `NextToken`s. */
  nextTokens: PageTokenCodec;
  runtimes: Record<AwsService, ProviderRuntime>;
}

export const PROVIDER = 'aws';

export function defaultBases(region: string): AwsBases {
  return { iam: 'https://iam.amazonaws.com', sts: 'https://sts.amazonaws.com', identityStore: `https://identitystore.${region}.amazonaws.com` };
}
