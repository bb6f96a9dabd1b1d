// `npm start`: build whatever is missing or older than its sources, then run the server in this
// process. A fresh clone builds both halves once; after a `git pull`, only what changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => path.join(root, ...parts);

/** The newest modification time of the given files and of any file under the given folders (0 when there are none). */
function newest(...paths) {
  let latest = 0;
  const walk = (at) => {
    if (!existsSync(at)) return;
    if (!statSync(at).isDirectory()) {
      latest = Math.max(latest, statSync(at).mtimeMs);
      return;
    }
    for (const entry of readdirSync(at, { withFileTypes: true })) walk(path.join(at, entry.name));
  };
  paths.forEach(walk);
  return latest;
}

function outdated(output, ...sources) {
  return !existsSync(output) || statSync(output).mtimeMs < newest(...sources);
}

function run(label, args) {
  process.stdout.write(`${label}…\n`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`${label} failed; the server was not started.\n`);
    process.exit(result.status ?? 1);
  }
}

if (outdated(at('dist', 'client', 'index.html'), at('client'), at('shared'), at('vite.config.ts'))) {
  run('Building the client', [at('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
}
if (outdated(at('dist', 'node', 'server', 'main.js'), at('server'), at('shared'))) {
  run('Building the server', [at('node_modules', 'typescript', 'bin', 'tsc'), '-p', at('server', 'tsconfig.build.json')]);
}

await import(pathToFileURL(at('dist', 'node', 'server', 'main.js')).href);
