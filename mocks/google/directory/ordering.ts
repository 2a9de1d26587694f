/**
 * `orderBy` listings. The store pages in seq order only, so a sorted listing is the whole collection's
 * seqs sorted once and kept: users and groups never change during a run (only memberships do), and a
 * million-user tenant then pays for one sort, not one per page.
 */
import { drain, storeSource } from '../../core/paging/list-source.js';
import type { TenantGroup, TenantStore, TenantUser } from '../../tenant/model.js';
import { primaryEmail } from './lookup.js';
import { userName } from './render.js';

export type UserOrder = 'email' | 'givenName' | 'familyName';
export type SortOrder = 'ASCENDING' | 'DESCENDING';

export class SortedOrders {
  private readonly cache = new Map<string, readonly number[]>();

  constructor(private readonly tenant: () => TenantStore) {}

  /** User seqs by the key, ties broken by email then seq (any case, as Google sorts). */
  users(by: UserOrder, order: SortOrder): readonly number[] {
    return this.sorted(`users:${by}:${order}`, order, () => {
      const key = (u: TenantUser) =>
        (by === 'email' ? primaryEmail(u) : by === 'givenName' ? userName(u).givenName : userName(u).familyName).toLowerCase();
      return drain(storeSource((p) => this.tenant().users(p))).map((u) => ({ seq: u.seq, keys: [key(u), primaryEmail(u).toLowerCase()] }));
    });
  }

  groups(order: SortOrder): readonly number[] {
    return this.sorted(`groups:email:${order}`, order, () =>
      drain(storeSource((p) => this.tenant().groups(p))).map((g: TenantGroup) => ({ seq: g.seq, keys: [g.mail.toLowerCase()] })),
    );
  }

  private sorted(name: string, order: SortOrder, load: () => Array<{ seq: number; keys: string[] }>): readonly number[] {
    let seqs = this.cache.get(name);
    if (!seqs) {
      const rows = load().sort((a, b) => compare(a.keys, b.keys) || a.seq - b.seq);
      if (order === 'DESCENDING') rows.reverse();
      seqs = rows.map((r) => r.seq);
      this.cache.set(name, seqs);
    }
    return seqs;
  }
}

function compare(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}
