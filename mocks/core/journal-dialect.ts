/**
 * How a provider's calls read in a run's journal, for the doctor: how a request is named for people, which
 * calls only read, what its grant allows, how a refused permission tells itself apart from a refused
 * credential, which reads fetch one item, and how a delegated sign-in is refused. Every hook is optional:
 * a provider without one reads as plain REST (harness/doctor/journal-dialect.ts), so a new provider gets a
 * sensible diagnosis with no doctor edit. Small functions only: the registry holding them is loaded by `--help`.
 */

export interface JournalDialect {
  /**
   * The request names its operation in the body (AWS Query and JSON protocols: `Action`, `X-Amz-Target`),
   * so its URL (`/`) says nothing and a journal line adds the route; its page tokens travel there too,
   * out of the journal's sight.
   */
  operationInBody?: boolean;
  /** Whether a call of this route only reads (AWS: by action name); plain REST: a GET reads. */
  reads?(route: string, method: string): boolean;
  /** What a granted list allows (IAM: action patterns with wildcards); plain: exactly the permissions listed. */
  grant?(granted: readonly string[]): Grant;
  /**
   * What an answer's status says about the call: a permission the grant lacks, a credential not accepted,
   * or neither. Plain REST: 403 and 401. AWS answers both with 403, so there the grant decides.
   */
  refusal?(route: string, status: number, grant: Grant): RefusalKind | undefined;
  /**
   * The listing a read of one item shadows, for the N+1 audit; `null` when the route reads no single item
   * (or reads one for what a listing gives). Plain: `<api>.<things>.get` shadows `<api>.<things>.list`.
   */
  itemRead?(route: string, url: string): ItemRead | null | undefined;
  /** Sign-in by delegation (Google domain-wide delegation), whose token endpoint refuses scopes it does not hold. */
  delegation?: Delegation;
}

export type RefusalKind = 'permission' | 'credential';

export interface Grant {
  /** Whether the grant allows a permission, as the provider names it. */
  allows(permission: string): boolean;
}

export interface ItemRead {
  /** The listing route serving the same items. */
  list: string;
  kind: 'user' | 'group' | 'other';
}

/**
 * Delegated sign-in (Google's domain-wide delegation): one token per kind of data. Which token-endpoint
 * refusals are the grant's rather than the key's comes from the descriptor's `routes.keyRefused`.
 */
interface Delegation {
  /** For each kind of data the granted scopes cannot read, the least-privileged permission that would. */
  unreadable(granted: readonly string[]): string[];
}
