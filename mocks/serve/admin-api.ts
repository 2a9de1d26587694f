/**
 * `/__harness/*`: control of a served simulator for tests written in any language (WireMock's `/__admin`
 * is the model). JSON in, JSON out.
 *   GET  /__harness/journal          every request so far (JSON array; `?format=jsonl` for JSON lines)
 *   DELETE /__harness/journal        forget them
 *   GET  /__harness/faults           the active fault specs
 *   PUT  /__harness/faults           replace them: `["throttle:every=3", ...]` (counters restart)
 *   GET  /__harness/tenant           the tenant's shape and counts
 *   POST /__harness/reset            regenerate the tenant from its seed, clear journal and faults
 * Only clients that addressed the server by a loopback name and send no foreign `Origin` get here
 * (admin-guard.ts); the rest get 403.
 */
import { UserError } from '../../lib/errors.js';
import type { SimContext } from '../core/context.js';
import { parseFaultSpec } from '../faults/spec.js';

export async function handleAdmin(request: Request, target: { ctx: SimContext; reset?: () => Promise<void> }): Promise<Response> {
  const { ctx } = target;
  const path = new URL(request.url).pathname.replace(/^\/__harness/, '');
  const key = `${request.method} ${path}`;
  try {
    switch (key) {
      case 'GET /journal': {
        if (new URL(request.url).searchParams.get('format') === 'jsonl') {
          return new Response(ctx.journal.toJsonLines(), { headers: { 'content-type': 'application/x-ndjson' } });
        }
        return Response.json(ctx.journal.all());
      }
      case 'DELETE /journal':
        ctx.journal.clear();
        return new Response(null, { status: 204 });
      case 'GET /faults':
        return Response.json(ctx.faults.specs().map((s) => s.text));
      case 'PUT /faults': {
        const body = (await request.json().catch(() => undefined)) as unknown;
        if (!Array.isArray(body) || !body.every((s) => typeof s === 'string')) {
          throw new UserError('PUT /__harness/faults: send a JSON array of fault specs, e.g. ["throttle:every=3"]');
        }
        ctx.faults.set(body.map((s) => parseFaultSpec(s, 'PUT /__harness/faults')));
        return Response.json(ctx.faults.specs().map((s) => s.text));
      }
      case 'GET /tenant':
        return Response.json({ shape: ctx.tenant.shape, counts: ctx.tenant.counts() });
      case 'POST /reset':
        if (!target.reset) throw new UserError('POST /__harness/reset: this server cannot reset its tenant');
        await target.reset();
        return Response.json({ reset: true, counts: ctx.tenant.counts() });
      default:
        return Response.json(
          {
            error: `unknown admin call ${key}`,
            calls: ['GET /journal', 'DELETE /journal', 'GET /faults', 'PUT /faults', 'GET /tenant', 'POST /reset'],
          },
          { status: 404 },
        );
    }
  } catch (error) {
    if (error instanceof UserError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}
