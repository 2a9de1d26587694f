/**
 * Turns a parsed filter into a predicate over rendered resources, checked against the resource type's
 * schema first so a filter on an attribute the simulator does not serve is a 400 `invalidFilter`, not a
 * silent empty list. Strings compare per the attribute's `caseExact` (userName and emails ignore case; id
 * and externalId do not), dateTimes as instants; a multi-valued attribute matches when any value does.
 */
import type { AttributeDef, ResourceSchema } from '../schema/definitions.js';
import { findAttribute, formatAttrPath, resolveAttrPath, type AttrPath } from '../schema/attr-path.js';
import { scimErrors } from '../wire/errors.js';
import type { Filter, Literal, Test } from './filter-parse.js';

export type Resource = Record<string, unknown>;

export interface CompiledFilter {
  matches(resource: Resource): boolean;
  /** Canonical names of the top-level attributes it reads (to render costly ones, like members, only when needed). */
  attributes: ReadonlySet<string>;
}

type Getter = (node: Resource) => unknown;

export function compileFilter(filter: Filter, schema: ResourceSchema): CompiledFilter {
  const attributes = new Set<string>();
  const matches = compile(filter, { schema, attributes });
  return { matches, attributes };
}

interface Scope {
  schema: ResourceSchema;
  attributes: Set<string>;
  /** Inside `attr[...]`: the parent's sub-attributes, names resolved against them alone. */
  parent?: AttributeDef;
}

function compile(filter: Filter, scope: Scope): (node: Resource) => boolean {
  switch (filter.kind) {
    case 'logical': {
      const left = compile(filter.left, scope);
      const right = compile(filter.right, scope);
      return filter.op === 'and' ? (n) => left(n) && right(n) : (n) => left(n) || right(n);
    }
    case 'not': {
      const inner = compile(filter.expr, scope);
      return (n) => !inner(n);
    }
    case 'test': {
      const { get, leaf } = locate(filter.path, scope);
      return tester(get, leaf, filter.test, filter.path);
    }
    case 'valuePath': {
      const { get, leaf } = locate(filter.path, scope);
      if (leaf.type !== 'complex') throw scimErrors.invalidFilter(`'${formatAttrPath(filter.path)}' has no sub-attributes to filter on`);
      const inner = compile(filter.filter, { ...scope, parent: leaf });
      let tail: ((element: Resource) => boolean) | undefined;
      if (filter.sub) {
        const subDef = findAttribute(leaf.subAttributes, filter.sub.name);
        if (!subDef) throw scimErrors.invalidFilter(`'${filter.sub.name}' is not a sub-attribute of '${leaf.name}'`);
        tail = tester((e) => e[subDef.name], subDef, filter.sub.test, { attr: leaf.name, sub: subDef.name });
      }
      return (n) => values(get(n)).some((e) => isObject(e) && inner(e) && (!tail || tail(e)));
    }
  }
}

/** How to read the path from a node, and the definition its values follow. */
function locate(path: AttrPath, scope: Scope): { get: Getter; leaf: AttributeDef } {
  const name = formatAttrPath(path);
  if (scope.parent) {
    const def = path.urn || path.sub ? undefined : findAttribute(scope.parent.subAttributes, path.attr);
    if (!def) throw scimErrors.invalidFilter(`'${name}' is not a sub-attribute of '${scope.parent.name}'`);
    return { get: (e) => e[def.name], leaf: def };
  }
  const resolved = resolveAttrPath(scope.schema, path);
  if (resolved?.kind !== 'attribute') throw scimErrors.invalidFilter(`Attribute '${name}' is not defined for ${scope.schema.resourceType} resources`);
  const { container, def, sub } = resolved;
  scope.attributes.add(def.name);
  const top: Getter = container ? (n) => (n[container] as Resource | undefined)?.[def.name] : (n) => n[def.name];
  if (sub) return { get: (n) => values(top(n)).map((e) => (isObject(e) ? e[sub.name] : undefined)), leaf: sub };
  return { get: top, leaf: def };
}

function tester(get: Getter, def: AttributeDef, test: Test, path: AttrPath): (node: Resource) => boolean {
  let leaf = def;
  let read = get;
  // `emails co "x"` means the emails' values (RFC 7644 §3.4.2.2 example); `name eq "x"` means nothing.
  if (def.type === 'complex' && test.op !== 'pr') {
    const value = findAttribute(def.subAttributes, 'value');
    if (!value) throw scimErrors.invalidFilter(`'${formatAttrPath(path)}' is complex: filter on one of its sub-attributes`);
    leaf = value;
    read = (n) => values(get(n)).map((e) => (isObject(e) ? e.value : undefined));
  }
  if (test.op === 'pr') return (n) => values(read(n)).some(hasValue);
  const { op, value } = test;
  if (leaf.type === 'boolean' && op !== 'eq' && op !== 'ne')
    throw scimErrors.invalidFilter(`'${op}' cannot compare the boolean '${formatAttrPath(path)}'`);
  if (value === null) {
    // `eq null` asks for no value; `ne null` for one.
    if (op === 'eq') return (n) => !values(read(n)).some(hasValue);
    if (op === 'ne') return (n) => values(read(n)).some(hasValue);
    throw scimErrors.invalidFilter(`'${op}' cannot compare with null`);
  }
  const one = comparer(op, value, leaf);
  if (op === 'ne') {
    const equal = comparer('eq', value, leaf);
    return (n) => !values(read(n)).some(equal);
  }
  return (n) => values(read(n)).some(one);
}

function comparer(op: Exclude<Test['op'], 'pr'>, expected: Exclude<Literal, null>, def: AttributeDef): (actual: unknown) => boolean {
  const fold = (s: string) => (def.caseExact ? s : s.toLowerCase());
  if (def.type === 'dateTime' && typeof expected === 'string' && op !== 'co' && op !== 'sw' && op !== 'ew') {
    const want = Date.parse(expected);
    if (Number.isNaN(want)) throw scimErrors.invalidFilter(`'${expected}' is not a dateTime`);
    return (actual) => typeof actual === 'string' && order(op, Date.parse(actual), want);
  }
  if (typeof expected === 'string') {
    const want = fold(expected);
    return (actual) => {
      if (typeof actual !== 'string') return false;
      const got = fold(actual);
      switch (op) {
        case 'co':
          return got.includes(want);
        case 'sw':
          return got.startsWith(want);
        case 'ew':
          return got.endsWith(want);
        default:
          return order(op, got, want);
      }
    };
  }
  if (op === 'co' || op === 'sw' || op === 'ew') throw scimErrors.invalidFilter(`'${op}' needs a string value`);
  return (actual) => typeof actual === typeof expected && order(op, actual as number | boolean, expected);
}

function order<T extends string | number | boolean>(op: string, a: T, b: T): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    default:
      return a <= b;
  }
}

function values(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.filter((x) => x !== undefined && x !== null) : [v];
}

function hasValue(v: unknown): boolean {
  if (v === '' || v === undefined || v === null) return false;
  if (isObject(v)) return Object.values(v).some(hasValue);
  return true;
}

function isObject(v: unknown): v is Resource {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A filter over the elements of a multi-valued attribute (a PATCH path's `members[...]`). */
export function compileElementFilter(filter: Filter, parent: AttributeDef, schema: ResourceSchema): (element: Resource) => boolean {
  return compile(filter, { schema, attributes: new Set(), parent });
}
