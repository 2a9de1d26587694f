/**
 * `request-rejected`: the provider refused a request as malformed (Graph Request_BadRequest or
 * Request_UnsupportedQuery, Google invalid, IAM ValidationError, Identity Store ValidationException, SCIM
 * invalidFilter or invalidValue). The finding quotes the provider's words from the journal, names the
 * parameter, and says what the provider supports instead (from the provider's own folder). Refusals a
 * fault caused (a token the simulator was told to expire) are the provider's doing and are left out.
 */
import type { JournalEntry } from '../../mocks/core/journal.js';
import { adviceFor, type RefusalAdvice } from '../../mocks/core/paging/dialect.js';
import { PROVIDERS } from '../../mocks/providers.js';
import type { Detector } from './context.js';
import { callKind, firstFew, quote, requestLine } from './journal-facts.js';

const REFUSALS: Readonly<Record<string, readonly RefusalAdvice[]>> = Object.fromEntries(PROVIDERS.map((p) => [p.name, p.refusals]));

/** Codes that are about who may do what, not about the request's form; other findings own them. */
const NOT_FORM = /denied|accessdenied|authoriz|forbidden|expired|throttl|notfound/i;

function rejected(e: JournalEntry): boolean {
  const kind = callKind(e);
  return e.refusal !== undefined && !e.fault && (kind === 'read' || kind === 'write') && !NOT_FORM.test(e.refusal.code);
}

/**
 * The request parameter the refusal is about: one its message names, else one whose value it quotes
 * (Google's "Invalid Input: <the query>"), else the advice's.
 */
function parameterOf(e: JournalEntry, advice: RefusalAdvice | undefined): string | undefined {
  const q = e.url.indexOf('?');
  const params = [...(q < 0 ? [] : [...new URLSearchParams(e.url.slice(q + 1))]), ...Object.entries(e.page?.asked ?? {})];
  const message = e.refusal!.message.toLowerCase();
  const named = params.find(([n]) => n.replace(/^\$/, '').length > 2 && message.includes(n.replace(/^\$/, '').toLowerCase()));
  // Short values (a page size of 5, `true`) would turn up in any message by chance.
  const quoted = params.find(([, v]) => v.length >= 6 && message.includes(v.toLowerCase()));
  return named?.[0] ?? quoted?.[0] ?? advice?.param;
}

export const rejectedRequestDetector: Detector = (c) => {
  const refused = c.ev.journal.filter(rejected);
  if (refused.length === 0) return undefined;
  const groups = new Map<string, JournalEntry[]>();
  for (const e of refused) groups.set(`${e.route} ${e.refusal!.code}`, [...(groups.get(`${e.route} ${e.refusal!.code}`) ?? []), e]);
  const lines: string[] = [];
  const fixes = new Set<string>();
  for (const entries of groups.values()) {
    const e = entries[0]!;
    const advice = adviceFor(REFUSALS[c.ev.provider] ?? [], e.refusal!.code, e.refusal!.message);
    const param = parameterOf(e, advice);
    lines.push(
      `${e.route}: ${e.refusal!.code}: "${quote(e.refusal!.message, 200)}"${param ? ` (parameter ${param})` : ''}; ${entries.length} request(s)`,
      requestLine(e),
    );
    if (advice) fixes.add(`${param ? `${param}: ` : ''}the provider supports ${advice.instead}.`);
  }
  return {
    id: 'request-rejected',
    title: 'Request rejected: the provider refused a request the connector built',
    evidence: firstFew(lines, 6),
    fix: [...fixes, 'Build the request the way the provider documents it; the refusal above quotes what it objected to.'],
  };
};
