/**
 * Attribute paths as filters, `attributes=` and PATCH paths write them (RFC 7644 §3.10):
 * `[schema URN ":"] attrName ["." subAttr]`, e.g. `userName`, `name.givenName`,
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`. Names are case-insensitive;
 * resolving a path finds the canonical attribute definitions, whose names are the keys resources use.
 */
import { COMMON_ATTRIBUTES, type AttributeDef, type ResourceSchema } from './definitions.js';

export interface AttrPath {
  /** Schema URN prefix as written, if any. */
  urn?: string;
  attr: string;
  sub?: string;
}

export type ResolvedPath =
  /** `container` is the extension URN the attribute sits under; absent for core and common attributes. */
  | { kind: 'attribute'; container?: string; def: AttributeDef; sub?: AttributeDef }
  /** A whole extension named by its URN (`attributes=urn:...:enterprise:2.0:User`). */
  | { kind: 'extension'; container: string };

const NAME = /^[A-Za-z][\w$-]*$/;
const SUB_NAME = /^(\$ref|[A-Za-z][\w$-]*)$/;

/** Undefined when the text is not an attribute path at all. */
export function parseAttrPath(text: string): AttrPath | undefined {
  let rest = text;
  let urn: string | undefined;
  if (/^urn:/i.test(text)) {
    const colon = text.lastIndexOf(':');
    urn = text.slice(0, colon);
    rest = text.slice(colon + 1);
  }
  const parts = rest.split('.');
  if (parts.length > 2 || !NAME.test(parts[0]!) || (parts.length === 2 && !SUB_NAME.test(parts[1]!))) return undefined;
  return { ...(urn ? { urn } : {}), attr: parts[0]!, ...(parts.length === 2 ? { sub: parts[1]! } : {}) };
}

export function formatAttrPath(path: AttrPath): string {
  return `${path.urn ? `${path.urn}:` : ''}${path.attr}${path.sub ? `.${path.sub}` : ''}`;
}

/**
 * Finds what a path names. Unqualified names are looked up in the core schema first, then in the
 * extensions: RFC 7644 wants extension attributes fully qualified, but IdP mapping UIs send bare names.
 */
export function resolveAttrPath(schema: ResourceSchema, path: AttrPath): ResolvedPath | undefined {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (path.urn) {
    const whole = schema.extensions.find((e) => same(e.id, `${path.urn}:${path.attr}`));
    if (whole && !path.sub) return { kind: 'extension', container: whole.id };
    if (same(path.urn, schema.core.id)) return withSub(find([...COMMON_ATTRIBUTES, ...schema.core.attributes], path.attr), undefined, path.sub);
    const extension = schema.extensions.find((e) => same(e.id, path.urn!));
    return extension ? withSub(find(extension.attributes, path.attr), extension.id, path.sub) : undefined;
  }
  const core = find([...COMMON_ATTRIBUTES, ...schema.core.attributes], path.attr);
  if (core) return withSub(core, undefined, path.sub);
  for (const extension of schema.extensions) {
    const def = find(extension.attributes, path.attr);
    if (def) return withSub(def, extension.id, path.sub);
  }
  return undefined;
}

export function findAttribute(defs: readonly AttributeDef[] | undefined, name: string): AttributeDef | undefined {
  return find(defs ?? [], name);
}

function find(defs: readonly AttributeDef[], name: string): AttributeDef | undefined {
  const lower = name.toLowerCase();
  return defs.find((d) => d.name.toLowerCase() === lower);
}

function withSub(def: AttributeDef | undefined, container: string | undefined, sub: string | undefined): ResolvedPath | undefined {
  if (!def) return undefined;
  const base = { kind: 'attribute' as const, ...(container ? { container } : {}), def };
  if (sub === undefined) return base;
  const subDef = find(def.subAttributes ?? [], sub);
  return subDef ? { ...base, sub: subDef } : undefined;
}
