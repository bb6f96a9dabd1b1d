import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicUrl } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('takes the contract’s defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
      redisUrl: undefined,
      simulator: true,
      adminPassword: undefined,
      publicOrigin: undefined,
      staleAfterSeconds: 120,
      logLevel: 'info',
      trustProxy: 0,
      picturePush: 'coalesced',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/ops',
      DATABASE_URL: 'postgres://ops@db:5432/ops',
      REDIS_URL: 'redis://cache:6379',
      SIMULATOR: 'off',
      ADMIN_PASSWORD: 'correct-horse-battery',
      PUBLIC_ORIGIN: 'https://ops.example.nhs.uk/',
      STALE_AFTER_SECONDS: '300',
    });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/var/lib/ops', databaseUrl: 'postgres://ops@db:5432/ops', redisUrl: 'redis://cache:6379', simulator: false, adminPassword: 'correct-horse-battery', publicOrigin: 'https://ops.example.nhs.uk', staleAfterSeconds: 300 });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: ' ' })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '3000.5' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL'],
    [{ SIMULATOR: 'yes' }, 'SIMULATOR'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ PUBLIC_ORIGIN: 'https://ops.example.nhs.uk/path' }, 'PUBLIC_ORIGIN'],
    [{ PUBLIC_ORIGIN: 'ops.example.nhs.uk' }, 'PUBLIC_ORIGIN'],
    [{ STALE_AFTER_SECONDS: '0' }, 'STALE_AFTER_SECONDS'],
    [{ STALE_AFTER_SECONDS: 'two minutes' }, 'STALE_AFTER_SECONDS'],
  ])('refuses %j, naming %s', (env, name) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.startsWith(`${name} `)).toBe(true);
  });

  it('lists every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', SIMULATOR: 'maybe', STALE_AFTER_SECONDS: '-1' }).map((p) => p.split(' ')[0])).toEqual(['PORT', 'SIMULATOR', 'STALE_AFTER_SECONDS']);
  });

  it('never echoes a secret in its message', () => {
    const [adminProblem] = problemsOf({ ADMIN_PASSWORD: 'shhh' });
    expect(adminProblem).not.toContain('shhh');
    const [urlProblem] = problemsOf({ DATABASE_URL: 'mysql://user:secret@db' });
    expect(urlProblem).not.toContain('secret');
    expect(problemsOf({ PORT: 'abc' })[0]).toContain('"abc"');
  });

  it('tells people the public origin when set, otherwise localhost and the port', () => {
    expect(publicUrl(loadConfig({}), 3000)).toBe('http://localhost:3000');
    expect(publicUrl(loadConfig({ HOST: '10.0.0.5' }), 8080)).toBe('http://10.0.0.5:8080');
    expect(publicUrl(loadConfig({ PUBLIC_ORIGIN: 'https://ops.example.nhs.uk' }), 3000)).toBe('https://ops.example.nhs.uk');
  });
});
