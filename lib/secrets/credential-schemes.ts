/**
 * The HTTP Authorization schemes whose value is a credential, for the scrubber. Bearer and Basic are everyone's;
 * a provider with a scheme of its own (Okta's `SSWS`) names it in its descriptor, and the provider registry adds
 * those here when it loads (mocks/providers.ts), since lib/ imports nothing above it.
 */
const schemes = new Set(['Bearer', 'Basic']);
let generation = 0;

export function addCredentialSchemes(names: Iterable<string>): void {
  for (const name of names) {
    if (!/^[A-Za-z][\w-]*$/.test(name)) throw new Error(`credential scheme ${JSON.stringify(name)} is not an HTTP auth scheme name`);
    if (!schemes.has(name)) {
      schemes.add(name);
      generation++;
    }
  }
}

/** The schemes as one regular-expression alternation, with a number that changes whenever one is added. */
export function credentialSchemes(): { alternation: string; generation: number } {
  return { alternation: [...schemes].join('|'), generation };
}
