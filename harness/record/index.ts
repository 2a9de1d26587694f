/**
 * Record, sanitize, replay: what happens to traffic a connector exchanged with a provider.
 *
 *   capture     exchange.ts        Exchange, exchangeFrom(request, response), recordingFetch(fetch, into)
 *   sanitize    sanitize.ts        sanitizeExchanges(exchanges, { seed, secrets }) -> { exchanges, map }
 *                                  mapConfiguration(credentials, map): a connector's config for the replay
 *   store       har.ts, nock.ts    toHar/fromHar, toNock/fromNock; files.ts writeRecording/readFixtures
 *   replay      replay.ts          replayHandlers(exchanges, { ctx, bases }) -> MSW handlers via route()
 *   check       ../secrets         scanForSecrets(secrets, paths): every form of every secret (re-exported)
 *               run-secrets.ts     secretsOfRun(credentials, rawExchanges): what to scan for
 *   map back    unmap-c1z.ts       unmapC1z(replayed.c1z, out.c1z, map): diffable against the recorded run
 */
export { exchangeFrom, recordingFetch, type Exchange, type HeaderList, type RecordedRequest, type RecordedResponse } from './exchange.js';
export { IdentityMap, type MappedKind, type MappingEntry, type MappingFile } from './identity-map.js';
export { mapConfiguration, sanitizeExchanges, type SanitizeOptions, type Sanitized } from './sanitize.js';
export { PLACEHOLDERS, REDACTED } from './field-rules.js';
export { fromHar, toHar, type Har } from './har.js';
export { fromNock, toNock, type NockDefinition } from './nock.js';
export { parseFixtures, replayContext, replayHandlers, replayProvider, type Replay, type ReplayOptions } from './replay.js';
export { providerOfHost, type ReplayProvider } from './replay-providers.js';
export { readFixtures, SecretLeakError, writeRecording, type RecordingFiles } from './files.js';
export { SecretMatcher, type Secret, type SecretForm } from '../../lib/secrets/index.js';
export { secretsOfRun } from './run-secrets.js';
export { scanForSecrets, scanText, type ScanResult, type SecretFinding } from '../../lib/secrets/index.js';
export { reverseMapper, unmapC1z, type UnmapResult } from './unmap-c1z.js';
