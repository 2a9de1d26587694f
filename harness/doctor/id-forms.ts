/**
 * `id-form-mismatch`: ids the tenant has that the sync lacks, and ids the sync has that the tenant does not,
 * that pair up once case is ignored or once another attribute of the same object is taken for its id (a
 * mail or UPN for an object id, a user name for a SCIM id or ARN, a numeric id behind a prefix). The
 * objects are all there under another id, and ConductorOne takes each new id for a new object: after an
 * upgrade that changes the form, identities show up duplicated, or missing, which is the support case.
 */
import type { TenantUser } from '../../mocks/tenant/model.js';
import type { Detector, DoctorContext, ResourceKey } from './context.js';
import { firstFew } from './journal-facts.js';

interface Pairing {
  missing: ResourceKey;
  extra: ResourceKey;
  /** `case`, or the attribute the extra id was taken from. */
  form: string;
}

/** The attributes of a user a connector may take for its id by mistake, by name. */
function userForms(u: TenantUser): [string, string][] {
  const local = u.userPrincipalName.split('@')[0]!;
  return [
    ['userPrincipalName', u.userPrincipalName],
    ['mail', u.mail],
    ['objectId', u.objectId],
    ['googleId', u.googleId],
    ['scimId', u.scimId],
    ['awsId', u.awsId],
    ['user name (UPN local part)', local],
  ];
}

/** Equal ignoring case, or the extra id is the value behind a prefix (`user-123`, `gid:123`). */
function sameValue(extraId: string, value: string): boolean {
  const a = extraId.toLowerCase();
  const b = value.toLowerCase();
  if (a === b) return true;
  return b.length >= 6 && a.endsWith(b) && /[^a-z0-9]$/.test(a.slice(0, a.length - b.length));
}

function pairIdForms(c: DoctorContext): Pairing[] {
  const extra = c.extraResources;
  if (extra.length === 0 || c.missingResources.length === 0) return [];
  const byLower = new Map(extra.map((e) => [`${e.type}:${e.id.toLowerCase()}`, e]));
  const used = new Set<ResourceKey>();
  const pairs: Pairing[] = [];
  for (const m of c.missingResources) {
    const twin = byLower.get(`${m.type}:${m.id.toLowerCase()}`);
    if (twin && !used.has(twin)) {
      used.add(twin);
      pairs.push({ missing: m, extra: twin, form: 'case' });
      continue;
    }
    // Its own id behind a prefix pairs any type; another attribute needs the tenant's user.
    const user = c.userOf(m.id);
    const forms: [string, string][] = [
      ['id behind a prefix', m.id],
      ...(user ? userForms(user).filter(([, value]) => value.toLowerCase() !== m.id.toLowerCase()) : []),
    ];
    for (const e of extra) {
      if (used.has(e) || e.type !== m.type) continue;
      const form = forms.find(([, value]) => sameValue(e.id, value));
      if (!form) continue;
      used.add(e);
      pairs.push({ missing: m, extra: e, form: form[0] });
      break;
    }
  }
  return pairs;
}

export const idFormDetector: Detector = (c) => {
  const pairs = pairIdForms(c);
  if (pairs.length === 0) return undefined;
  const byForm = new Map<string, Pairing[]>();
  for (const p of pairs) byForm.set(p.form, [...(byForm.get(p.form) ?? []), p]);
  const lines: string[] = [];
  for (const [form, group] of byForm) {
    const how =
      form === 'case'
        ? 'the same ids in another case'
        : form === 'id behind a prefix'
          ? 'with a prefix added to the id'
          : `written as the object's ${form} instead of its id`;
    lines.push(
      `${group.length} of ${c.missingResources.length} missing id(s) are in the sync ${how}`,
      ...group.slice(0, 2).map((p) => `${p.missing.type}:${p.missing.id} is in the sync as ${p.extra.type}:${p.extra.id}`),
    );
  }
  return {
    id: 'id-form-mismatch',
    title: 'Id form mismatch: the objects are synced, under another form of their id',
    evidence: firstFew(lines, 6),
    fix: [
      "Use the provider's immutable id exactly as it answers it (Graph id, Google id, IAM ARN or unique id, SCIM id): never a mail, UPN or user name, and never change its case or add a prefix.",
      'ConductorOne keys objects by this id: a changed form reads as new objects, so after an upgrade identities appear duplicated or missing. Keep the form stable, or migrate ids deliberately.',
    ],
  };
};
