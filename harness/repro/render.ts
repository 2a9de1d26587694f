/**
 * The plan as a scenario file: a comment saying where it came from (log lines quoted, credentials
 * masked), what was inferred and how to change it, then the scenario in the library's style (flow
 * mappings for the tenant, one fault spec per quoted string). Values are written as JSON strings, which
 * YAML reads unchanged whatever they hold.
 */
import type { ReproPlan } from './plan.js';

const WIDTH = 200;

export function renderScenario(plan: ReproPlan): string {
  return `${[...header(plan).map(comment), ...body(plan)].join('\n')}\n`;
}

function header(plan: ReproPlan): string[] {
  const lines = ['Reproduction of a customer report, written by `sync-harness repro`.', ...plan.origin];
  if (plan.evidence.length) lines.push('Evidence:', ...plan.evidence.map((e) => `  ${e}`));
  lines.push('Inferred:');
  for (const s of plan.symptoms) {
    const how = s.ingredients.faults.length
      ? `fault ${s.ingredients.faults.join(', ')}${s.ingredients.process ? ' (the reference connector as a process)' : ''}`
      : s.ingredients.permissions
        ? `permissions [${s.ingredients.permissions.join(', ')}]`
        : s.ingredients.variant
          ? `connector variant ${s.ingredients.variant}`
          : 'tenant';
    lines.push(`  - ${s.id}${s.lines.length ? ` (line ${s.lines.join(', ')})` : ''} -> ${how}`);
    for (const note of s.ingredients.notes) lines.push(`      ${note}`);
  }
  lines.push('  - tenant:', ...plan.tenantNotes.map((n) => `      ${n}`));
  for (const note of plan.notes) lines.push(`  - ${note}`);
  for (const s of plan.skipped) lines.push(`Not reproduced: ${s.id}: ${s.why}`);
  lines.push(
    `Expected (the report): error class ${plan.report.errorClass}${plan.report.outcome ? `, sync ${plan.report.outcome}` : ''}, findings [${plan.report.findings.join(', ')}].`,
    'To edit: sizes under tenant (mocks/tenant/shape.ts), fault specs under faults (docs/faults.md), the checks under',
    'expect (docs/scenarios.md); then `npx sync-harness run <this file>`, or rerun `npx sync-harness repro ... --force`.',
  );
  return lines.flatMap((l) => wrap(l));
}

function body(plan: ReproPlan): string[] {
  const q = (s: string) => JSON.stringify(s);
  const list = (items: readonly string[], quote: boolean) => `[${items.map((i) => (quote ? q(i) : i)).join(', ')}]`;
  const out = [
    'version: 1',
    `name: ${plan.name}`,
    `description: ${q(`reproduces ${plan.report.findings.join(', ')} from ${plan.source}`.slice(0, 160))}`,
    `provider: ${plan.provider}`,
    `tenant: { ${Object.entries(plan.tenant)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')} }`,
  ];
  if (plan.permissions) out.push(`permissions: ${list(plan.permissions, true)}`);
  if (plan.faults.length) out.push(`faults: ${list(plan.faults, true)}`);
  if (typeof plan.connector === 'string') out.push(`connector: ${plan.connector}`);
  else out.push('connector:', `  command: ${list(plan.connector.command, true)}`, `  timeout: ${plan.connector.timeout}`);
  if (plan.actions.length) {
    out.push('actions:');
    for (const a of plan.actions) out.push(`  - ${a.op}: { entitlement: ${q(a.entitlement)}, principal: ${q(a.principal)} }`);
  }
  if (plan.writeBack !== undefined) out.push(`writeBack: ${plan.writeBack}`);
  out.push(`timeout: ${plan.timeout}`, 'expect:', `  outcome: ${plan.expect.outcome}`);
  if (plan.expect.error) out.push(`  error: ${q(plan.expect.error)}`);
  out.push(`  findings: ${list(plan.expect.findings, false)}`);
  return out;
}

function comment(line: string): string {
  return line === '' ? '#' : `# ${line}`;
}

/** Long comment lines broken at spaces, continued with the same indent. */
function wrap(line: string): string[] {
  if (line.length <= WIDTH) return [line];
  const indent = `${/^\s*/.exec(line)![0]}    `;
  const out: string[] = [];
  let rest = line;
  while (rest.length > WIDTH) {
    const cut = rest.lastIndexOf(' ', WIDTH);
    const at = cut > indent.length ? cut : WIDTH;
    out.push(rest.slice(0, at));
    rest = indent + rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

/** Credentials a customer's log line may carry, masked before it is quoted in a file people share. */
export function redact(text: string): string {
  return text
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]')
    .replace(/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[jwt redacted]')
    .replace(
      /\b(client_secret|clientSecret|secret_access_key|secretAccessKey|aws_secret_access_key|password|api[_-]?key|access_token|refresh_token|id_token|private_key|authorization)(\\?["']?\s*[=:]\s*\\?["']?)(?!(?:Bearer|Basic)\s|\[redacted\])[^\s"'\\,&}]+/gi,
      '$1$2[redacted]',
    )
    .replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[private key redacted]');
}
