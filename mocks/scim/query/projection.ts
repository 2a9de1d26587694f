/**
 * `attributes=` and `excludedAttributes=` (RFC 7644 §3.4.2.5, §3.9): comma-separated attribute paths.
 * `attributes` replaces the default set (plus what is `returned: always`: `id`, and `schemas`);
 * `excludedAttributes` removes from it (never `id`). Given both, `attributes` wins: the RFC offers them as
 * alternatives. Attributes `returned: request` (User.groups) appear only when `attributes=` names them.
 * Names the schema does not define are ignored, as most providers do.
 */
import type { ResourceSchema } from '../schema/definitions.js';
import { parseAttrPath, resolveAttrPath, type ResolvedPath } from '../schema/attr-path.js';

export type Resource = Record<string, unknown>;
type AttributePath = Extract<ResolvedPath, { kind: 'attribute' }>;

export interface Projection {
  attributes?: ResolvedPath[];
  excluded?: ResolvedPath[];
  /** Core attributes only `attributes=` brings back. */
  requestOnly: readonly string[];
}

export function readProjection(params: URLSearchParams, schema: ResourceSchema): Projection {
  const list = (name: string) => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .flatMap((text) => {
        const path = parseAttrPath(text);
        const resolved = path && resolveAttrPath(schema, path);
        return resolved ? [resolved] : [];
      });
  };
  const requestOnly = schema.core.attributes.filter((d) => d.returned === 'request').map((d) => d.name);
  const attributes = list('attributes');
  if (attributes) return { attributes, requestOnly };
  const excluded = list('excludedAttributes');
  return excluded ? { excluded, requestOnly } : { requestOnly };
}

/** Whether a top-level attribute (core, or under `container`) survives the projection whole or in part. */
export function wants(projection: Projection, name: string, container?: string): boolean {
  const same = (p: ResolvedPath) => p.kind === 'attribute' && p.def.name === name && p.container === container;
  if (projection.attributes) {
    return projection.attributes.some((p) => same(p) || (p.kind === 'extension' && container === p.container));
  }
  if (!container && projection.requestOnly.includes(name)) return false;
  if (projection.excluded)
    return !projection.excluded.some((p) => (same(p) && !(p as AttributePath).sub) || (p.kind === 'extension' && container === p.container));
  return true;
}

export function project(resource: Resource, projection: Projection): Resource {
  if (projection.attributes) return include(resource, projection.attributes);
  const out = projection.excluded ? exclude(resource, projection.excluded) : resource;
  // A filter may have needed them rendered; the answer still leaves them out.
  if (!projection.requestOnly.some((name) => name in out)) return out;
  return Object.fromEntries(Object.entries(out).filter(([k]) => !projection.requestOnly.includes(k)));
}

function include(resource: Resource, paths: ResolvedPath[]): Resource {
  const out: Resource = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'schemas' || key === 'id') {
      out[key] = value;
    } else if (key.startsWith('urn:')) {
      if (paths.some((p) => p.kind === 'extension' && p.container === key)) {
        out[key] = value;
        continue;
      }
      const picked = pick(
        value as Resource,
        paths.filter((p): p is AttributePath => p.kind === 'attribute' && p.container === key),
      );
      if (Object.keys(picked).length) out[key] = picked;
    } else {
      const picked = pick(
        resource,
        paths.filter((p): p is AttributePath => p.kind === 'attribute' && !p.container && p.def.name === key),
      );
      if (key in picked) out[key] = picked[key];
    }
  }
  return out;
}

/** The attributes `paths` name from one object (the resource or an extension), whole or by sub-attribute. */
function pick(node: Resource, paths: AttributePath[]): Resource {
  const out: Resource = {};
  for (const [key, value] of Object.entries(node)) {
    const mine = paths.filter((p) => p.def.name === key);
    if (!mine.length) continue;
    if (mine.some((p) => !p.sub)) out[key] = value;
    else out[key] = mapElements(value, (e) => Object.fromEntries(Object.entries(e).filter(([k]) => mine.some((p) => p.sub!.name === k))));
  }
  return out;
}

function exclude(resource: Resource, paths: ResolvedPath[]): Resource {
  const out: Resource = { ...resource };
  for (const p of paths) {
    if (p.kind === 'extension') {
      delete out[p.container];
      continue;
    }
    if (p.def.returned === 'always' || (p.container && !(p.container in out))) continue;
    const holder = p.container ? ((out[p.container] = { ...(out[p.container] as Resource | undefined) }) as Resource) : out;
    if (!(p.def.name in holder)) continue;
    if (!p.sub) delete holder[p.def.name];
    else {
      const sub = p.sub.name;
      holder[p.def.name] = mapElements(holder[p.def.name], (e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== sub)));
    }
    if (p.container && Object.keys(holder).length === 0) delete out[p.container];
  }
  return out;
}

function mapElements(value: unknown, f: (e: Resource) => Resource): unknown {
  if (Array.isArray(value)) return value.map((e) => (typeof e === 'object' && e !== null ? f(e as Resource) : e));
  return typeof value === 'object' && value !== null ? f(value as Resource) : value;
}
