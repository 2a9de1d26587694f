/**
 * A provider's journal dialect (mocks/core/journal-dialect.ts) with plain REST filling every hook it
 * leaves out: the doctor asks this, never a provider's name, so a provider it has never heard of reads
 * as REST.
 */
import type { ItemRead, JournalDialect, RefusalKind } from '../../mocks/core/journal-dialect.js';
import { descriptorOf } from '../../mocks/providers.js';

type Dialect = Required<Omit<JournalDialect, 'delegation'>> & Pick<JournalDialect, 'delegation'>;

const REST: Omit<Dialect, 'itemRead'> = {
  operationInBody: false,
  reads: (_route, method) => method.toUpperCase() === 'GET',
  grant: (granted) => ({ allows: (permission) => granted.includes(permission) }),
  refusal: (_route, status): RefusalKind | undefined => (status === 403 ? 'permission' : status === 401 ? 'credential' : undefined),
};

/** `graph.users.get` reads one of what `graph.users.list` lists. */
function restItemRead(route: string): ItemRead | null {
  const m = /^(\w+)\.(\w+)\.get$/.exec(route);
  if (!m) return null;
  return { list: `${m[1]}.${m[2]}.list`, kind: m[2] === 'users' ? 'user' : m[2] === 'groups' ? 'group' : 'other' };
}

const cache = new Map<string, Dialect>();

export function journalDialect(provider: string): Dialect {
  let dialect = cache.get(provider);
  if (!dialect) {
    const own = descriptorOf(provider)?.journal ?? {};
    const itemRead = (route: string, url: string) => {
      const read = own.itemRead?.(route, url);
      return read === undefined ? restItemRead(route) : read;
    };
    dialect = { ...REST, ...own, itemRead };
    cache.set(provider, dialect);
  }
  return dialect;
}
