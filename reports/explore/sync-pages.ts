/** The sync view's pages: the file's types and counts, a resource search, a resource, an entitlement, a grant. */
import type { EntitlementPage, GrantPage, HeldItem, Holder, ResourceList, ResourcePage, SyncOverview } from './sync-model.js';
import { esc, metric } from '../html-text.js';
import { href, link, num, pager, rawJson } from './layout.js';
import { refText, syncPaths, type Ref } from './sync-links.js';

export function overviewBody(o: SyncOverview, base: string): string {
  const p = syncPaths(base);
  const sync = o.sync
    ? `<p>sync <code>${esc(o.sync.id)}</code> (${esc(o.sync.syncType)}, ${o.sync.endedAt ? `ended ${esc(o.sync.endedAt)}` : '<span class="bad">unfinished</span>'}) · ${esc(o.format)} file</p>`
    : `<p>${esc(o.format)} file</p>`;
  const rows = o.resourceTypes.map(
    (t) =>
      `<tr data-type="${esc(t.id)}"><td>${link(href(p.resources, { type: t.id }), t.displayName)} <code>${esc(t.id)}</code>${t.traits.map((x) => `<span class="tag">${esc(x)}</span>`).join('')}</td>${num(t.resources)}${num(t.entitlements)}${num(t.grants)}<td>${link(p.resourceType(t.id), 'JSON')}</td></tr>`,
  );
  return `${sync}${o.note ? `<p class="note">${esc(o.note)}</p>` : ''}
<p>${metric('resources', o.totals.resources, o.totals.resources.toLocaleString('en-US'))} resources ·
${metric('entitlements', o.totals.entitlements, o.totals.entitlements.toLocaleString('en-US'))} entitlements ·
${metric('grants', o.totals.grants, o.totals.grants.toLocaleString('en-US'))} grants</p>
${searchForm(
  p.resources,
  '',
  undefined,
  o.resourceTypes.map((t) => t.id),
)}
<h2>Resource types</h2>
<table><thead><tr><th>type</th><th class="num">resources</th><th class="num">entitlements</th><th class="num">grants</th><th>raw</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

export function resourceListBody(list: ResourceList, base: string, types: string[]): string {
  const p = syncPaths(base);
  const rows = list.items.map(
    (r) =>
      `<tr data-resource="${esc(`${r.resourceTypeId}:${r.resourceId}`)}"><td>${link(p.resource(r), r.displayName || r.resourceId)}</td><td>${esc(r.resourceTypeId)}</td><td><code>${esc(r.resourceId)}</code></td></tr>`,
  );
  const query = { type: list.resourceType, q: list.query };
  return `${searchForm(p.resources, list.query, list.resourceType, types)}
${pager(p.resources, query, list.offset, list.limit, list.total)}
<table><thead><tr><th>display name</th><th>type</th><th>id</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

export function resourceBody(r: ResourcePage, base: string): string {
  const p = syncPaths(base);
  const parent = r.parent ? `<p>parent: ${link(p.resource(r.parent), refText(r.parent))}</p>` : '';
  const entitlements = r.entitlements.map(
    (e) => `<section data-entitlement="${esc(e.id)}"><h3>${link(p.entitlement(e.id), e.displayName || e.slug || e.id)} <code>${esc(e.id)}</code></h3>
<p>${metric(`holders:${e.id}`, e.holders, e.holders.toLocaleString('en-US'))} holder(s)${e.holders > e.firstHolders.length ? ` (first ${e.firstHolders.length}; ${link(p.entitlement(e.id), 'all of them')})` : ''}</p>
${holdersTable(e.firstHolders, base)}${rawJson('entitlement JSON', e.raw)}</section>`,
  );
  const more = r.moreEntitlements > 0 ? `<p class="note">${r.moreEntitlements} more entitlement(s) not shown</p>` : '';
  return `<p><code>${esc(`${r.resource.resourceTypeId}:${r.resource.resourceId}`)}</code></p>${parent}${rawJson('resource JSON', r.raw)}
<h2>Entitlements on it and who holds them</h2>${entitlements.join('\n') || '<p>none</p>'}${more}
<h2>What it holds</h2>${heldTable(r.holds.items, base)}${r.holds.truncated ? '<p class="note">stopped after 2,000 entitlements reached through nesting</p>' : ''}`;
}

export function entitlementBody(e: EntitlementPage, base: string): string {
  const p = syncPaths(base);
  return `<p>on ${link(p.resource(e.entitlement.resource), refText(e.entitlement.resource))} · slug <code>${esc(e.entitlement.slug)}</code></p>
${rawJson('entitlement JSON', e.raw)}
<h2>Holders</h2>${pager(p.entitlement(e.entitlement.id), {}, e.offset, e.limit, e.total)}${holdersTable(e.holders, base)}`;
}

export function grantBody(g: GrantPage, base: string): string {
  const p = syncPaths(base);
  return `<p>${link(p.resource(g.principal), refText(g.principal))} holds ${link(p.entitlement(g.entitlementId), g.entitlementId)} on ${link(p.resource(g.resource), refText(g.resource))}</p>
<h2>Grant JSON</h2><pre>${esc(JSON.stringify(g.raw, null, 2))}</pre>`;
}

export function jsonBody(value: unknown): string {
  return `<pre>${esc(JSON.stringify(value, null, 2))}</pre>`;
}

function holdersTable(holders: Holder[], base: string): string {
  if (holders.length === 0) return '';
  const p = syncPaths(base);
  const rows = holders.map((h) => {
    const how = h.direct
      ? 'direct'
      : `inherited from ${h.sources
          .filter((s) => s !== h.grantId)
          .map((s) => link(p.entitlement(s), s))
          .join(', ')}`;
    return `<tr data-holder="${esc(`${h.principal.resourceTypeId}:${h.principal.resourceId}`)}"><td>${link(p.resource(h.principal), refText(h.principal))}</td><td>${how}</td><td>${link(p.grant(h.grantId), 'grant')}</td></tr>`;
  });
  return `<table><thead><tr><th>principal</th><th>how</th><th>raw</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function heldTable(items: HeldItem[], base: string): string {
  if (items.length === 0) return '<p>nothing</p>';
  const p = syncPaths(base);
  const rows = items.map((h) => {
    const resource: Ref = { ...h.resource, ...(h.resourceName ? { displayName: h.resourceName } : {}) };
    const how = h.direct
      ? 'direct'
      : h.via
        ? `<span class="via" data-via="${esc(h.via.map((v) => v.displayName ?? v.resourceId).join(' -> '))}">via ${h.via.map((v) => link(p.resource(v), v.displayName ?? `${v.resourceTypeId}:${v.resourceId}`)).join(' -&gt; ')}</span>`
        : `inherited from ${(h.sources ?? []).map((s) => link(p.entitlement(s), s)).join(', ')}`;
    const grant = h.grantId ? link(p.grant(h.grantId), 'grant') : '<span title="not stored: the file was not expanded">derived</span>';
    return `<tr data-held="${esc(h.entitlementId)}"><td>${link(p.entitlement(h.entitlementId), h.entitlementId)}</td><td>${link(p.resource(resource), refText(resource))}</td><td>${how}</td><td>${grant}</td></tr>`;
  });
  return `<table><thead><tr><th>entitlement</th><th>on</th><th>how</th><th>raw</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function searchForm(action: string, query: string, type: string | undefined, types: string[]): string {
  const options = [
    '<option value="">every type</option>',
    ...types.map((t) => `<option value="${esc(t)}"${t === type ? ' selected' : ''}>${esc(t)}</option>`),
  ];
  return `<form class="filter" method="get" action="${esc(action)}" role="search">
<label>id or display name <input type="search" name="q" value="${esc(query)}" data-search autocomplete="off"></label>
<label>type <select name="type" data-autosubmit>${options.join('')}</select></label>
<button type="submit">search</button></form>`;
}
