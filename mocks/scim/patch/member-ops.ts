/**
 * Reads a PATCH request (RFC 7644 §3.5.2) on a Group into membership intents. Accepted shapes, as Entra
 * and Okta send them (`op` is matched case-insensitively: Entra writes "Add"/"Remove"):
 *   {"op":"add","path":"members","value":[{"value":"<id>"}]}
 *   {"op":"add","value":{"members":[{"value":"<id>"}]}}              (no path)
 *   {"op":"remove","path":"members[value eq \"<id>\"]"}               (any filter on value/type/display)
 *   {"op":"remove","path":"members","value":[{"value":"<id>"}]}      (Entra's form)
 *   {"op":"remove","path":"members"}                                  (every member)
 *   {"op":"replace","path":"members","value":[...]} or {"op":"replace","value":{"members":[...]}}
 * Changes to other attributes (displayName, externalId) are valid SCIM the simulator does not model:
 * 501. Syntax problems are 400 with the RFC's scimType.
 */
import { formatAttrPath, resolveAttrPath } from '../schema/attr-path.js';
import { GROUP_SCHEMA } from '../schema/definitions.js';
import { URN } from '../schema/urns.js';
import { parsePatchPath, type Filter } from '../query/filter-parse.js';
import { scimErrors } from '../wire/errors.js';

export type MemberIntent =
  | { kind: 'add'; values: string[] }
  /** Entra's value-list removal: ids that are not members are ignored. */
  | { kind: 'remove'; values: string[] }
  /** `members[filter]`: no match is a 400 noTarget (RFC 7644 §3.5.2.2). */
  | { kind: 'removeWhere'; filter: Filter; path: string }
  | { kind: 'removeAll' }
  | { kind: 'replace'; values: string[] };

export function readMemberOps(body: unknown): MemberIntent[] {
  if (!isObject(body)) throw scimErrors.invalidSyntax('The request body must be a JSON object with schemas and Operations.');
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === URN.patchOp.toLowerCase())) {
    throw scimErrors.invalidSyntax(`The request body must list "${URN.patchOp}" in schemas.`);
  }
  const ops = body.Operations;
  if (!Array.isArray(ops) || ops.length === 0) throw scimErrors.invalidSyntax('The request body must have a non-empty Operations array.');
  return ops.map((op, i) => readOp(op, i));
}

function readOp(raw: unknown, i: number): MemberIntent {
  const where = `Operations[${i}]`;
  if (!isObject(raw)) throw scimErrors.invalidSyntax(`${where} must be an object.`);
  const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : '';
  if (op !== 'add' && op !== 'remove' && op !== 'replace')
    throw scimErrors.invalidSyntax(`${where}.op ${JSON.stringify(raw.op)} is not add, remove or replace.`);
  if (raw.path !== undefined && typeof raw.path !== 'string') throw scimErrors.invalidPath(`${where}.path must be a string.`);

  if (raw.path === undefined || raw.path === '') {
    if (op === 'remove') throw scimErrors.noTarget(`${where}: remove needs a path.`);
    if (!isObject(raw.value)) throw scimErrors.invalidValue(`${where}: without a path, value must be an object of attributes.`);
    const keys = Object.keys(raw.value);
    const members = keys.find((k) => k.toLowerCase() === 'members');
    const others = keys.filter((k) => k !== members && k.toLowerCase() !== 'schemas');
    if (others.length) throw notModelled(others.join(', '));
    if (!members) throw scimErrors.invalidValue(`${where}: value names no attribute.`);
    return { kind: op, values: memberIds(raw.value[members], where) };
  }

  const target = parsePatchPath(raw.path);
  const resolved = resolveAttrPath(GROUP_SCHEMA, target.path);
  if (resolved?.kind !== 'attribute') throw scimErrors.invalidPath(`${where}: no attribute '${formatAttrPath(target.path)}' on Group.`);
  if (resolved.def.name !== 'members') throw notModelled(resolved.def.name);
  if (resolved.sub || target.sub) throw notModelled(`${raw.path}`);
  if (target.filter) {
    if (op !== 'remove') throw notModelled(`${op} on ${raw.path}`);
    return { kind: 'removeWhere', filter: target.filter, path: raw.path };
  }
  if (op === 'remove') return raw.value === undefined ? { kind: 'removeAll' } : { kind: 'remove', values: memberIds(raw.value, where) };
  return { kind: op, values: memberIds(raw.value, where) };
}

/** `[{"value":"id"}, ...]`; a lone object is taken as a list of one. */
function memberIds(value: unknown, where: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((m, j) => {
    if (!isObject(m) || typeof m.value !== 'string' || !m.value)
      throw scimErrors.invalidValue(`${where}.value[${j}] must be an object with a string "value" (a member id).`);
    return m.value;
  });
}

function notModelled(what: string) {
  return scimErrors.notImplemented(`sync-harness simulates changes to Group members only, not to ${what}.`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
