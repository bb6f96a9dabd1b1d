import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The built server as a user runs it (`node dist/node/server/main.js`, what `npm start` runs
 * after building), in its own process with its own data folder, on a free port.
 */
export interface ServerProcess {
  url: string;
  output: () => string;
  dataDir: string;
  stop(): Promise<void>;
  /** Stops and starts again on the same port and data, as after an upgrade or a crash. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

const MAIN = path.resolve(import.meta.dirname, '..', '..', 'dist', 'node', 'server', 'main.js');
/** What `npm start` runs: builds what is missing or out of date, then the server. */
const START = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'start.mjs');

function launch(env: Record<string, string>, entry = MAIN): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const collect = (chunk: Buffer) => {
    text += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${text}`)), 60_000);
    const onData = () => {
      const match = /running: (http:\/\/\S+)/.exec(text);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1'), output: () => text });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it started:\n${text}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startServerProcess(env: Record<string, string> = {}, options: { throughNpmStart?: boolean } = {}): Promise<ServerProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ops-e2e-'));
  const base = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SIMULATOR: 'off', LOG_LEVEL: 'warn', ...env };
  const entry = options.throughNpmStart ? START : MAIN;
  let current = await launch(base, entry);
  const port = new URL(current.url).port;
  return {
    get url() {
      return current.url;
    },
    output: () => current.output(),
    dataDir,
    stop: () => stopChild(current.child),
    async restart() {
      await stopChild(current.child);
      current = await launch({ ...base, PORT: port }, entry);
    },
    async dispose() {
      await stopChild(current.child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the built server with the given environment and answers how it ended, for start-up errors. */
export function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}
