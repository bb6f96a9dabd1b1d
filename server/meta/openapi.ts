import { z } from 'zod';
import { ErrorBody } from '../../shared/http/errors.ts';
import type { AccessRule } from '../auth/policy.ts';
import { API_PREFIX, type Route } from '../http/route.ts';

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
}

function describeAccess(access: Route['access']): string {
  if (typeof access === 'function') return 'Depends on the trust or region named in the request, or the trust of the incident named (see CONTRACT.md "Accounts").';
  const words: Record<AccessRule['kind'], string> = {
    public: 'Anyone.',
    signedIn: 'Any signed-in person.',
    viewer: 'Any signed-in person or display token.',
    admin: 'Admins.',
    readTrust: 'Anyone who may read the trust.',
    readRegion: 'Anyone who may read the region.',
    actForTrust: 'Duty managers of the trust.',
    actOnAid: 'Duty managers of the trust and coordinators of its region.',
    readAid: 'People of the trusts involved and of the asking trust’s region, coordinators of the regions involved, national executives and admins.',
    readIncidents: 'Duty managers and executives of the trust, national executives, coordinators of its region.',
    configureTrust: 'Admins and duty managers of the trust.',
    display: 'Display tokens.',
    feed: 'Feed keys.',
  };
  return words[access.kind];
}

/** The OpenAPI document of the API, generated from the routes' own zod schemas. */
export function openApiDocument(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { description: 'An error in the contract’s shape.', content: { 'application/json': { schema: schemaOf(ErrorBody, 'output') } } };
  for (const route of routes) {
    const path = API_PREFIX + route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const status = String(route.status ?? 200);
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      description: `Access: ${describeAccess(route.access)}`,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
      responses: {
        [status]: status === '204' || !route.response ? { description: 'Done.' } : { description: 'Done.', content: { 'application/json': { schema: schemaOf(route.response, 'output') } } },
        default: errorResponse,
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Ambulance operations dashboard API', version, description: 'Errors are JSON `{ error, message, issues? }`; see CONTRACT.md.' },
    paths,
  };
}
