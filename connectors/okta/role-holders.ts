/**
 * Which users hold an admin role, from `GET /api/v1/iam/assignees/users`, so that only they get a
 * `/users/{id}/roles` read: one listing of the holders instead of one call per user, as baton-okta does. The
 * holders are read in full at the first user's grants. A failure part-way (a 429) keeps the pages read and
 * the link of the one that failed, so the engine's retry of that call resumes there instead of asking for
 * the first pages again. Only ids are kept: holders are a small share of an org.
 */
import type { OktaClient } from './client.js';
import { pageUrl } from './link-header.js';

/** Okta's page size for the assignees listing (its default and, in the simulator, its maximum). */
const ASSIGNEES_PAGE = 100;

export class RoleHolders {
  private readonly ids = new Set<string>();
  /** Page tokens already read ('' is the first page), to stop a next link that leads back. */
  private readonly read = new Set<string>();
  /** The page to read next: '' for the first, undefined once the listing is done. */
  private next: string | undefined = '';
  private walking: Promise<void> | undefined;

  constructor(private readonly client: OktaClient) {}

  async has(userId: string): Promise<boolean> {
    if (this.next !== undefined) {
      this.walking ??= this.walk().finally(() => (this.walking = undefined));
      await this.walking;
    }
    return this.ids.has(userId);
  }

  private async walk(): Promise<void> {
    while (this.next !== undefined) {
      const token = this.next;
      if (this.read.has(token)) {
        throw new TypeError(`okta connector: /api/v1/iam/assignees/users led back to a page already read (${token.slice(0, 80)})`);
      }
      const url = pageUrl(this.client.orgUrl, `/api/v1/iam/assignees/users?limit=${ASSIGNEES_PAGE}`, token);
      const page = await this.client.listValue<{ id: string }>(url);
      for (const holder of page.items) this.ids.add(holder.id);
      this.read.add(token);
      this.next = page.next;
    }
  }
}
