// The real server as the benchmark runs it: the built entry point in a child process, on a fresh
// embedded database, so that its CPU and memory can be read apart from the benchmark's own.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MAIN = path.join(root, 'dist', 'node', 'server', 'main.js');
export const ADMIN_PASSWORD = 'bench-admin-password';

export function assertBuilt() {
  if (!existsSync(MAIN)) throw new Error('The server is not built: run `npm run build` first (npm run bench does).');
}

export async function startServer(env = {}, dataDir = undefined) {
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'ops-bench-')));
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, SIMULATOR: 'off', LOG_LEVEL: 'info', ADMIN_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk.toString();
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      lines.push(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
  });
  child.stderr.on('data', (chunk) => process.stderr.write(chunk));
  const url = await new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const line = lines.find((l) => l.includes('is running: '));
      if (line) {
        clearInterval(timer);
        resolve(/running: (\S+)/.exec(line)[1].replace('localhost', '127.0.0.1'));
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}`));
    });
  });
  return {
    url,
    pid: child.pid,
    dataDir: dir,
    logs: () => lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)),
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        });
      }
      if (!keepData) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
export function processUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  return { cpuSeconds: ticks / 100, rssBytes: rssKb * 1024 };
}

/** A signed-in admin for setting up keys and links, as a browser page would be. */
export async function adminSession(url) {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  if (login.status !== 200) throw new Error(`admin sign-in: ${login.status}`);
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const call = async (method, p, body) => {
    const response = await fetch(`${url}/api/v1${p}`, { method, headers: { cookie, origin: url, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status >= 300) throw new Error(`${method} ${p}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return { get: (p) => call('GET', p), post: (p, body) => call('POST', p, body) };
}
