/**
 * Query parameters as the Directory API checks them: numeric ranges and enums are refused by the API
 * frontend before the method runs (400 `invalid`, naming the parameter), and a listing must say whose
 * directory it reads: `customer` (`my_customer` or the customer id) or `domain`, not both, not neither.
 */
import type { GoogleAccount } from '../credentials.js';
import { directoryErrors } from './errors.js';

const MY_CUSTOMER = 'my_customer';

export function maxResults(url: URL, limits: { min?: number; max: number; fallback: number }): number {
  const raw = url.searchParams.get('maxResults');
  if (raw === null || raw === '') return limits.fallback;
  const min = limits.min ?? 1;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || n < min || n > limits.max) {
    throw directoryErrors.invalidValue('maxResults', raw, `Values must be within the range: [${min}, ${limits.max}]`);
  }
  return n;
}

/** One of `allowed`, matched without regard to case and returned as declared; undefined when absent. */
export function enumParam<T extends string>(url: URL, name: string, allowed: readonly T[]): T | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const found = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!found) throw directoryErrors.invalidValue(name, raw, `Allowed values: [${allowed.join(', ')}]`);
  return found;
}

export function booleanParam(url: URL, name: string): boolean | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') throw directoryErrors.invalidValue(name, raw, 'Allowed values: [true, false]');
  return raw === 'true';
}

/** `customer` must name this account. Another customer's id is refused as data the admin may not see. */
export function checkCustomer(account: GoogleAccount, customer: string): void {
  if (customer !== MY_CUSTOMER && customer !== account.customerId) throw directoryErrors.forbidden();
}

/** `domain` must be the account's (primary) domain. */
export function checkDomain(account: GoogleAccount, domain: string): void {
  if (domain.toLowerCase() !== account.domain.toLowerCase()) throw directoryErrors.domainNotFound();
}

/**
 * `customer` XOR `domain` (users.list, groups.list): neither, or both, is 400 Bad Request. Whether the real
 * API refuses both or lets `domain` win is unverified; refusing makes a connector's mistake visible.
 */
export function checkDirectoryScope(url: URL, account: GoogleAccount): void {
  const customer = url.searchParams.get('customer');
  const domain = url.searchParams.get('domain');
  if ((customer === null) === (domain === null)) throw directoryErrors.badRequest();
  if (customer !== null) checkCustomer(account, customer);
  if (domain !== null) checkDomain(account, domain);
}
