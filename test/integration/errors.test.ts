import { describe, expect, it } from 'vitest';
import { ErrorBody } from '../../shared/http/errors.ts';
import { databaseKinds, useTestServer } from '../support/server.ts';

const kinds = await databaseKinds();

describe.each(kinds)('errors on %s', (kind) => {
  const t = useTestServer(kind);

  it('answers 404 not_found in the contract shape for an unknown API route', async () => {
    for (const path of ['/api/v1/nothing-here', '/api/v2/trusts', '/api/whatever']) {
      const answer = await t.admin.get(path);
      expect(answer.status).toBe(404);
      expect(ErrorBody.parse(answer.body).error).toBe('not_found');
    }
  });

  it('answers 405 with Allow for a known route and a method it does not take', async () => {
    const answer = await t.admin.request('DELETE', '/api/v1/trusts');
    expect(answer.status).toBe(405);
    expect(answer.body).toMatchObject({ error: 'method_not_allowed' });
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 404 for a trust code that names no trust', async () => {
    const answer = await t.admin.get('/api/v1/trusts/ABC/hospitals');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: 'not_found' });
  });

  it('answers 400 invalid_json for a body that is not JSON', async () => {
    const answer = await t.admin.request('POST', '/api/v1/admin/feed-keys', { body: '{"trust":', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'invalid_json' });
  });

  it('answers 415 for a body that is not JSON by its content type', async () => {
    const answer = await t.admin.request('POST', '/api/v1/admin/feed-keys', { body: 'trust=RX6', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('answers 413 for a body over the limit', async () => {
    const answer = await t.admin.request('POST', '/api/v1/admin/feed-keys', { json: { trust: 'RX6', label: 'x'.repeat(2_000_000) } });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers 500 with a reference and no stack, and logs the stack with the request id', async () => {
    // Break the database under the server: the sign-in's audit record cannot be written.
    await t.server.db.query('ALTER TABLE audit_log RENAME TO audit_log_away');
    try {
      const answer = await t.client().login('admin', 'admin-password-1');
      expect(answer.status).toBe(500);
      const body = ErrorBody.parse(answer.body);
      expect(body.error).toBe('internal_error');
      const requestId = answer.headers.get('x-request-id')!;
      expect(body.message).toContain(requestId);
      expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.ts|audit_log|stack/);
      const logged = t.logs.map((line) => JSON.parse(line) as { req?: { id?: string }; err?: { stack?: string } }).filter((entry) => entry.req?.id === requestId && entry.err?.stack);
      expect(logged).toHaveLength(1);
      expect(logged[0]!.err!.stack).toContain('audit_log');
    } finally {
      await t.server.db.query('ALTER TABLE audit_log_away RENAME TO audit_log');
    }
  });

  it('sends a strict Content-Security-Policy and the other helmet headers', async () => {
    const answer = await t.client().get('/api/v1/health');
    const csp = answer.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await t.client().get<{ paths: Record<string, Record<string, unknown>> }>('/api/v1/openapi.json')).body;
    for (const route of t.server.routes) {
      const path = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
      expect(doc.paths[path]?.[route.method], `${route.method} ${path}`).toBeDefined();
    }
  });
});
