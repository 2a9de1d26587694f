/**
 * The sync loop, after the SDK's syncer (`pkg/sync/syncer.go`) in its plain sequential form: resource types,
 * then every type's resources (following ChildResourceType), then each resource's entitlements, then its
 * grants, all written through a {@link C1zWriter}. Failures are sorted the SDK's way (see `dispositionOf`):
 * retried, warned and skipped, or fatal — a fatal error leaves the sync unfinished but the file written, so
 * the rows and the checkpoint token are there to inspect or resume from.
 */
import type { Any } from '@bufbuild/protobuf/wkt';
import {
  unpackAnnotation,
  ChildResourceTypeSchema,
  type Entitlement,
  type Grant,
  type Resource,
  type ResourceId,
  type ResourceType,
  type Connector,
  type ResourceSyncer,
  SyncError,
  dispositionOf,
} from '../../c1z/contract/index.js';
import type { C1zWriter } from '../../c1z/index.js';
import { checkpointToken, describeAction, type Action } from './checkpoint.js';
import { PageGuard, type Listing, type SdkTextVersion } from './page-guard.js';
import type { ProgressEvent, SyncLogEvent } from './progress.js';
import { Retryer, type Sleep } from './retry.js';

export interface SyncOptions {
  writer: C1zWriter;
  /** Injected so waits for rate-limit resets never read the real time in tests. */
  clock?: () => Date;
  sleep: Sleep;
  log?: (event: SyncLogEvent) => void;
  progress?: (event: ProgressEvent) => void;
  /** Called after every page, for a progress bar: the phase (`grants of group`), items or resources done, and the total when known. */
  tick?: (phase: string, done: number, total?: number) => void;
  /** Warnings tolerated before the ratio test applies; the SDK's 10. */
  maxWarnings?: number;
  /** Retry attempts per call; unlimited as in the SDK when absent. */
  maxAttempts?: number;
  sdkTextVersion?: SdkTextVersion;
  pageBudget?: number;
}

interface SyncCounts {
  resourceTypes: number;
  resources: number;
  entitlements: number;
  grants: number;
}

export type SyncResult =
  | { outcome: 'succeeded'; syncId: string; counts: SyncCounts; warnings: Error[] }
  | { outcome: 'failed'; syncId: string; counts: SyncCounts; warnings: Error[]; error: Error };

/** The SDK's `ErrTooManyWarnings` text, which starts the error's message. */
const TOO_MANY_WARNINGS = 'too many warnings, exiting sync';

/** Warnings are too many once they pass both the count and this share of completed actions. */
const WARNING_SHARE = 0.1;

/**
 * Runs one full sync into `options.writer` and finishes the file, whatever the outcome. Only a failure of
 * the writer itself throws; the writer is then aborted and nothing is written to its target.
 */
export async function runSync(connector: Connector, options: SyncOptions): Promise<SyncResult> {
  let result: SyncResult;
  try {
    result = await new SyncRun(connector, options).run();
  } catch (error) {
    options.writer.abort();
    throw error;
  }
  await options.writer.finish();
  return result;
}

/** A failure that ends the sync but keeps the file; anything else thrown inside the run is the writer's own. */
class Fatal extends Error {
  constructor(readonly error: Error) {
    super(error.message);
  }
}

interface Page<T> {
  items: T[];
  next: string;
}

/** What the per-resource step lists: the syncer's page of it, and where each item is written. */
interface PerResourceListing<T> {
  op: 'entitlements' | 'grants';
  synced: 'Synced entitlements' | 'Synced grants';
  fetch: (syncer: ResourceSyncer, resource: Resource, token: string) => Promise<Page<T>>;
  store: (writer: C1zWriter, syncId: string, item: T) => void;
}

const ENTITLEMENTS: PerResourceListing<Entitlement> = {
  op: 'entitlements',
  synced: 'Synced entitlements',
  fetch: async (syncer, resource, token) => {
    const page = await syncer.entitlements(resource, token);
    return { items: page.entitlements, next: page.nextPageToken };
  },
  store: (writer, syncId, entitlement) => writer.addEntitlement(syncId, entitlement),
};

const GRANTS: PerResourceListing<Grant> = {
  op: 'grants',
  synced: 'Synced grants',
  fetch: async (syncer, resource, token) => {
    const page = await syncer.grants(resource, token);
    return { items: page.grants, next: page.nextPageToken };
  },
  store: (writer, syncId, grant) => writer.addGrant(syncId, grant),
};

interface ResourceListing {
  type: string;
  parent?: ResourceId;
}

class SyncRun {
  private readonly writer: C1zWriter;
  private readonly retryer: Retryer;
  private readonly counts: SyncCounts = { resourceTypes: 0, resources: 0, entitlements: 0, grants: 0 };
  private readonly warnings: Error[] = [];
  private completedActions = 0;
  private syncId = '';

  constructor(
    private readonly connector: Connector,
    private readonly options: SyncOptions,
  ) {
    this.writer = options.writer;
    this.retryer = new Retryer({ sleep: options.sleep, clock: options.clock, log: options.log, maxAttempts: options.maxAttempts });
  }

  async run(): Promise<SyncResult> {
    this.syncId = this.writer.startSync();
    try {
      const types = this.syncResourceTypes();
      const perType = await this.syncResources(types);
      await this.syncPerResource(types, perType, ENTITLEMENTS);
      await this.syncPerResource(types, perType, GRANTS);
    } catch (error) {
      if (!(error instanceof Fatal)) throw error;
      this.options.log?.({ level: 'error', msg: 'sync failed', error: error.message });
      return { outcome: 'failed', syncId: this.syncId, counts: this.counts, warnings: this.warnings, error: error.error };
    }
    this.writer.endSync(this.syncId);
    return { outcome: 'succeeded', syncId: this.syncId, counts: this.counts, warnings: this.warnings };
  }

  private syncResourceTypes(): ResourceType[] {
    let types: ResourceType[];
    try {
      types = this.connector.resourceTypes();
    } catch (error) {
      throw new Fatal(asError(error));
    }
    try {
      for (const type of types) this.writer.addResourceType(this.syncId, type);
    } catch (error) {
      throw new Fatal(asError(error));
    }
    this.counts.resourceTypes = types.length;
    this.finishAction();
    this.options.progress?.({ msg: 'Synced resource types', count: types.length });
    return types;
  }

  /**
   * Top-level listings first, then children as their parents are found, in the order found. Returns how many
   * distinct resources each type has; the resources themselves stay in the file, as in the SDK, and later
   * phases read them back from there, so a large tenant is never held in memory.
   */
  private async syncResources(types: ResourceType[]): Promise<Map<string, number>> {
    // Keyed as the writer keys rows, so a resource listed twice is one row and one set of listings, as in the file.
    const seen = new Set<string>();
    const perType = new Map<string, number>();
    const queue: ResourceListing[] = types.map((t) => ({ type: t.id }));
    // A resource re-announcing a (type, parent) listing already done would loop forever; list each once.
    const listed = new Set<string>();
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { type, parent } = next;
      const key = JSON.stringify([type, parent?.resourceType, parent?.resource]);
      if (listed.has(key)) continue;
      listed.add(key);
      const syncer = this.connector.syncers[type];
      const action: Action = { op: 'resources', resource_type_id: type, ...(parent ? { parent: `${parent.resourceType}/${parent.resource}` } : {}) };
      let count = 0;
      await this.paginate(
        action,
        { kind: 'resources', resourceTypeId: type, parent },
        async (token) => {
          const page = await requireSyncer(syncer, type, 'resources').list(parent, token);
          return { items: page.resources, next: page.nextPageToken };
        },
        (resources) => {
          for (const resource of resources) {
            this.writer.addResource(this.syncId, resource);
            const key = `${resource.id?.resourceType}:${resource.id?.resource}`;
            if (!seen.has(key)) {
              seen.add(key);
              const ofType = resource.id?.resourceType ?? '';
              perType.set(ofType, (perType.get(ofType) ?? 0) + 1);
            }
            for (const child of childTypes(resource)) if (resource.id) queue.push({ type: child, parent: resource.id });
          }
          count += resources.length;
          this.options.tick?.(`resources of ${type}`, count);
        },
      );
      this.counts.resources = seen.size;
      this.options.progress?.({ msg: 'Synced resources', resource_type_id: type, count });
    }
    return perType;
  }

  /**
   * The per-resource step, once for entitlements and once for grants: every resource of every type (read
   * back from the file), one paged listing each unless a skip annotation spares it.
   */
  private async syncPerResource<T>(types: ResourceType[], perType: Map<string, number>, listing: PerResourceListing<T>): Promise<void> {
    const { op } = listing;
    for (const type of types) {
      const total = perType.get(type.id) ?? 0;
      let done = 0;
      for (const resource of this.writer.resourcesOf(this.syncId, type.id)) {
        if (skips(type, resource, op)) continue;
        const id = resourceIdOf(resource);
        const syncer = this.connector.syncers[id.resourceType];
        const action: Action = { op, resource_type_id: id.resourceType, resource_id: id.resource };
        await this.paginate(
          action,
          { kind: op, resourceTypeId: id.resourceType, resourceId: id.resource },
          async (token) => listing.fetch(requireSyncer(syncer, id.resourceType, op), resource, token),
          (items) => {
            for (const item of items) listing.store(this.writer, this.syncId, item);
            this.counts[op] += items.length;
          },
        );
        done++;
        this.options.tick?.(`${op} of ${type.id}`, done, total);
      }
      if (total > 0) this.options.progress?.({ msg: listing.synced, resource_type_id: type.id, count: done, total });
    }
  }

  /**
   * Pages through one listing: each page retried as the SDK retries, checked by the page guard before its
   * items are stored (the SDK's client gets only the error for a bad page, never its items), and
   * checkpointed. A warning skips the rest of the listing; any other failure ends the sync.
   */
  private async paginate<T>(
    action: Action,
    listing: Listing,
    fetchPage: (token: string) => Promise<Page<T>>,
    store: (items: T[]) => void,
  ): Promise<void> {
    this.checkWarnings();
    const guard = new PageGuard(listing, { sdkTextVersion: this.options.sdkTextVersion, pageBudget: this.options.pageBudget });
    let token = '';
    for (;;) {
      let page: Page<T>;
      try {
        page = await this.retryer.run(() => fetchPage(token));
      } catch (error) {
        if (dispositionOf(error) === 'warn') return this.warn(action, asError(error));
        throw new Fatal(asError(error));
      }
      try {
        guard.check(token, page.next);
      } catch (error) {
        throw new Fatal(asError(error));
      }
      try {
        store(page.items);
      } catch (error) {
        // The writer refuses malformed messages (no id, say): the connector's bug, so the sync fails as the
        // SDK's store validation fails it, and the file keeps what came before.
        throw new Fatal(asError(error));
      }
      if (page.next === '') break;
      token = page.next;
      this.writer.setSyncToken(
        this.syncId,
        checkpointToken({ completed_actions_count: this.completedActions, current_action: { ...action, page_token: token } }),
      );
    }
    this.finishAction();
  }

  private warn(action: Action, error: Error): void {
    this.warnings.push(error);
    this.options.log?.({ level: 'warn', msg: 'skipping action after a warning', error: error.message, action: describeAction(action) });
    // The SDK finishes a warned action like any other, so it counts towards the share below.
    this.finishAction();
  }

  /**
   * The SDK's test, made before each action starts (so a warning on the very last action never fails the
   * sync): more than `maxWarnings` warnings that are also more than 10 % of completed actions. The text
   * is its `%w: warnings: %v completed actions: %d` with Go's rendering of an error slice.
   */
  private checkWarnings(): void {
    const limit = this.options.maxWarnings ?? 10;
    const count = this.warnings.length;
    if (count > limit && this.completedActions > 0 && count / this.completedActions > WARNING_SHARE) {
      const list = `[${this.warnings.map((w) => w.message).join(' ')}]`;
      throw new Fatal(new SyncError('Internal', `${TOO_MANY_WARNINGS}: warnings: ${list} completed actions: ${this.completedActions}`));
    }
  }

  private finishAction(): void {
    this.completedActions++;
    this.writer.setSyncToken(this.syncId, checkpointToken({ completed_actions_count: this.completedActions }));
  }
}

const SKIP_BOTH = 'type.googleapis.com/c1.connector.v2.SkipEntitlementsAndGrants';
const SKIP = { entitlements: 'type.googleapis.com/c1.connector.v2.SkipEntitlements', grants: 'type.googleapis.com/c1.connector.v2.SkipGrants' };

/** Skip annotations on the type or the resource spare the listing, as the SDK's syncer honours them. */
function skips(type: ResourceType, resource: Resource, op: 'entitlements' | 'grants'): boolean {
  const has = (annotations: Any[]) => annotations.some((a) => a.typeUrl === SKIP_BOTH || a.typeUrl === SKIP[op]);
  return has(type.annotations) || has(resource.annotations);
}

/**
 * The SDK's builder answers a listing for a type it has no syncer for with NotFound, which the syncer
 * treats as a warning; thrown from inside the page fetch so it takes that same path.
 */
function requireSyncer(syncer: ResourceSyncer | undefined, type: string, op: string): ResourceSyncer {
  if (!syncer) throw new SyncError('NotFound', `error: list ${op} with unknown resource type ${type}`);
  return syncer;
}

function childTypes(resource: Resource): string[] {
  const out: string[] = [];
  for (const annotation of resource.annotations) {
    if (annotation.typeUrl !== `type.googleapis.com/${ChildResourceTypeSchema.typeName}`) continue;
    const child = unpackAnnotation([annotation], ChildResourceTypeSchema, `resource ${resource.id?.resource}`);
    if (child?.resourceTypeId) out.push(child.resourceTypeId);
  }
  return out;
}

function resourceIdOf(resource: Resource): ResourceId {
  // The writer already refused resources without an id, so every listed resource has one.
  if (!resource.id) throw new Error('a listed resource has no id');
  return resource.id;
}

/**
 * A network failure keeps its cause in the message: undici says only "fetch failed", and the reason
 * (`connect ECONNREFUSED`, `getaddrinfo ENOTFOUND`, an untrusted certificate) is what a log reader needs.
 */
function asError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const causes: string[] = [];
  for (let cause = error.cause; cause instanceof Error && causes.length < 3; cause = cause.cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    causes.push(code && !cause.message.includes(code) ? `${cause.message} (${code})` : cause.message);
  }
  return causes.length > 0 && !(error instanceof SyncError) ? new Error([error.message, ...causes].join(': '), { cause: error }) : error;
}
