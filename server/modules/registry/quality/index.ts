import { qualityQuery, qualityReport } from '../../../../shared/registry/quality.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { problems } from '../../../platform/errors.ts';
import { errorResponses } from '../../../platform/http.ts';
import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import type { QualityCheck } from './check.ts';

// The data-quality dashboard: every part's checks (`quality` on the part) run for the reader's
// tenant, one after another (PGlite has one connection; a server's pool is not hogged).

export function qualityPart(checks: readonly QualityCheck[]): Part {
  const byId = new Map(checks.map((c) => [c.id, c]));
  if (byId.size !== checks.length) throw new Error('Two data-quality checks share an id');
  return {
    name: 'quality',
    routes(app, { db }) {
      app.get(
        '/api/v1/registry/quality',
        {
          schema: {
            tags: ['registry'],
            summary: 'Data quality of the register: each check with its count and first records',
            querystring: qualityQuery,
            response: { 200: qualityReport, ...errorResponses },
          },
          config: { authorize: registryPolicy.read },
        },
        async (request) => {
          const actor = principalOf(request);
          const { check, limit } = request.query;
          const readable = (c: QualityCheck) => c.readable?.(actor) ?? true;
          const one = check ? byId.get(check) : undefined;
          if (check && (!one || !readable(one))) throw problems.field('querystring.check', 'No such check');
          const results = [];
          for (const c of one ? [one] : checks.filter(readable)) {
            results.push({ check: c.id, severity: c.severity, ...(await c.run(db, actor, limit)) });
          }
          return { checks: results };
        },
      );
    },
  };
}
