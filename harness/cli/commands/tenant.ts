/**
 * `tenant generate`: a seeded tenant (users, groups, roles, apps, policies and who holds what) written to a
 * SQLite file the simulators serve. Flags map one-to-one onto the tenant shape; whatever is left out gets
 * the shape's defaults, which scale with `--users`.
 */
import { existsSync, statSync } from 'node:fs';
import { makeDirs } from '../../../lib/fs/make-dirs.js';
import { checkOutputFile } from '../../../lib/fs/output-file.js';
import { dirname, join } from 'node:path';
import { UserError } from '../../../lib/errors.js';
import { generateTenant } from '../../../mocks/tenant/generate.js';
import type { TenantCounts, TenantShape } from '../../../mocks/tenant/model.js';
import { resolveShape } from '../../../mocks/tenant/shape.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import { progressBar } from '../output/progress.js';
import type { TenantOptions } from '../command-options.js';

/** The shape fields the CLI sets, as commander names them (camelCase of the flag). */
const SHAPE_FLAGS = [
  'seed',
  'users',
  'groups',
  'roles',
  'apps',
  'policies',
  'membershipsPerUser',
  'roleAssignments',
  'appRoleAssignments',
  'policyAttachments',
  'nestedGroupRatio',
  'guestRatio',
  'externalRatio',
  'serviceRatio',
  'disabledRatio',
] as const satisfies ReadonlyArray<keyof TenantShape>;

export async function run(options: TenantOptions, args: string[], io: CommandIO): Promise<number> {
  const [action] = args;
  if (action !== 'generate') throw new UserError(`tenant ${action ?? ''}: unknown action (expected: tenant generate)`);
  const shape = resolveShape(shapeFromFlags(options), { label: flagName });
  if (existsSync(options.out) && statSync(options.out).isDirectory()) {
    throw new UserError(`--out ${options.out}: is a folder (give a file name, e.g. ${join(options.out, 'tenant.db')})`);
  }
  makeDirs(dirname(options.out), { label: '--out' });
  checkOutputFile(options.out, '--out');
  const bar = progressBar(io.stderr);
  const started = performance.now();
  let counts: TenantCounts;
  try {
    ({ counts } = await generateTenant(shape, options.out, (p) => bar.update(p.done, p.total, p.phase)));
  } finally {
    bar.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  await io.stderr.line(`wrote ${options.out}: ${describe(counts)} (seed ${shape.seed}, ${shape.domain}) in ${seconds.toFixed(1)} s`);
  return 0;
}

function shapeFromFlags(options: TenantOptions): Partial<TenantShape> {
  const shape: Partial<Record<keyof TenantShape, unknown>> = { domain: options.domain };
  for (const field of SHAPE_FLAGS) {
    const text = options[field];
    if (text === undefined) continue;
    const value = Number(text);
    if (text.trim() === '' || Number.isNaN(value)) throw new UserError(`${flagName(field)} ${text}: expected a number`);
    shape[field] = value;
  }
  return shape as Partial<TenantShape>;
}

function flagName(field: keyof TenantShape): string {
  return `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function describe(counts: TenantCounts): string {
  const label = (key: string) => key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  return Object.entries(counts)
    .map(([key, n]) => `${n} ${label(key)}`)
    .join(', ');
}
