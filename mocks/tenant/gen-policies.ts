/**
 * IAM-style policies and their attachments to users, groups and roles (the tenant's roles, standing in for
 * IAM roles). Odd seqs are AWS-managed while the catalogue lasts, even ones customer-managed, so any
 * tenant with two policies has both kinds and a policy keeps its identity when the count grows.
 */
import { buildIndexes, drawUnique, skewed, type GenContext } from './gen-context.js';
import { AWS_MANAGED_POLICIES, CUSTOMER_POLICY_VERBS } from './managed-policies.js';
import type { PolicyAttachment } from './model.js';
import { providerIds } from './provider-ids.js';
import { POLICIES, POLICY_ATTACHMENTS } from './schema.js';

export function generatePolicies(ctx: GenContext): { policies: number } {
  const { db, shape, random, batches } = ctx;
  const insert = db.prepare(`INSERT INTO policies VALUES (@seq, @name, @awsManaged, @description, @objectId, @googleId, @awsId, @scimId)`);
  batches.phase('policies');
  for (let seq = 1; seq <= shape.policies; seq++) {
    const faker = random.at('policy', seq);
    const managed = seq % 2 === 1 ? AWS_MANAGED_POLICIES[(seq - 1) / 2] : undefined;
    const area = faker.person.jobArea();
    const verb = faker.helpers.arrayElement(CUSTOMER_POLICY_VERBS);
    insert.run({
      seq,
      // One namespace for both kinds, so a customer policy can never shadow an AWS-managed name.
      name: ctx.names.name('policy', managed?.name ?? `${area}${verb}`),
      awsManaged: managed ? 1 : 0,
      description: managed?.description ?? `${verb.replace(/([a-z])([A-Z])/g, '$1 $2')} for ${area}.`,
      ...providerIds(shape.seed, 'policy', seq),
    });
    batches.step();
  }
  buildIndexes(ctx, POLICIES);
  return { policies: shape.policies };
}

/** Attachment targets and how often each kind is picked. */
const TARGETS: Array<[PolicyAttachment['targetType'], number]> = [
  ['user', 0.6],
  ['group', 0.3],
  ['role', 0.1],
];

export function generatePolicyAttachments(ctx: GenContext): { policyAttachments: number } {
  const { db, shape, random, batches } = ctx;
  const insert = db.prepare(`INSERT OR IGNORE INTO policy_attachments VALUES (?, ?, ?)`);
  const sizes = { user: shape.users, group: shape.groups, role: shape.roles };
  const targets = TARGETS.filter(([type]) => sizes[type] > 0);
  const weight = targets.reduce((sum, [, w]) => sum + w, 0);
  let made = 0;
  batches.phase('policy attachments');
  for (let attempt = 1; shape.policies > 0 && targets.length > 0 && attempt <= shape.policyAttachments; attempt++) {
    random.at('policyAttachment', attempt);
    const ok = drawUnique(10, () => {
      const policy = skewed(random.next(), shape.policies, 1.5);
      const type = pickWeighted(targets, random.next() * weight);
      return insert.run(policy, type, random.int(1, sizes[type])).changes === 1;
    });
    if (ok) made++;
    batches.step();
  }
  buildIndexes(ctx, POLICY_ATTACHMENTS);
  return { policyAttachments: made };
}

function pickWeighted<T>(choices: Array<[T, number]>, point: number): T {
  for (const [choice, w] of choices) {
    if (point < w) return choice;
    point -= w;
  }
  return choices[choices.length - 1]![0];
}
