import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runServerToExit, startServerProcess } from '../support/process.ts';

const built = existsSync(path.resolve(import.meta.dirname, '..', '..', 'dist', 'node', 'server', 'main.js'));
if (!built) console.warn('\n  SKIPPED: start-up tests, because the server is not built (npm test builds it; or run npm run build).\n');

describe.runIf(built)('starting the built server', () => {
  it.each([
    [{ PORT: 'three thousand' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/ops' }, 'DATABASE_URL'],
    [{ STALE_AFTER_SECONDS: '-5' }, 'STALE_AFTER_SECONDS'],
    [{ SIMULATOR: 'sometimes' }, 'SIMULATOR'],
  ])('stops at once with a message naming the variable for %j', async (env, name) => {
    const { code, stderr } = await runServerToExit({ ...env, DATA_DIR: '/nonexistent/never-created' });
    expect(code).toBe(1);
    expect(stderr).toContain(`- ${name} `);
    expect(stderr).toContain('The server did not start');
    expect(existsSync('/nonexistent/never-created')).toBe(false);
  });

  it('prints where to sign in and a generated admin password once, then not again', async () => {
    const server = await startServerProcess({ ADMIN_PASSWORD: '' });
    try {
      const first = server.output();
      expect(first).toMatch(/Sign in at http:\/\/\S+\/signin as admin with password: [\w-]{24}/);
      const password = /password: ([\w-]{24})/.exec(first)![1]!;
      const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
      expect(login.status).toBe(200);
      await server.restart();
      expect(server.output()).toMatch(/Sign in at http:\/\/\S+\/signin\n/);
      expect(server.output()).not.toContain(password);
    } finally {
      await server.dispose();
    }
  });

  it('starts again through npm start once everything is built, building nothing', async () => {
    const server = await startServerProcess({}, { throughNpmStart: true });
    try {
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
      expect(server.output()).not.toContain('Building');
      await server.restart();
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    } finally {
      await server.dispose();
    }
  });
});
