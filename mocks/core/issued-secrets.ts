/**
 * Every credential a simulator minted during a run (access tokens, STS session secrets and tokens): the
 * run scrubs them from everything it writes, since a connector that prints its token leaks it as surely
 * as one that prints its client secret. Values only ever leave through `all()`, for scrubbing.
 */

export interface IssuedSecret {
  /** What to call it in a scan finding: `entra access token #2`. Never the value. */
  label: string;
  value: string;
}

export class IssuedSecrets {
  private readonly values = new Map<string, string>();

  add(kind: string, value: string): void {
    if (value && !this.values.has(value)) this.values.set(value, `${kind} #${this.count(kind) + 1}`);
  }

  /** How many so far: a scrubber built earlier knows it is out of date when this grew. */
  get size(): number {
    return this.values.size;
  }

  all(): IssuedSecret[] {
    return [...this.values].map(([value, label]) => ({ label, value }));
  }

  private count(kind: string): number {
    let n = 0;
    for (const label of this.values.values()) if (label.startsWith(`${kind} #`)) n++;
    return n;
  }
}
