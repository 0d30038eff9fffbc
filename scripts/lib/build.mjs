// Small helpers of the start and test scripts: run a command, rebuild an output when its sources are newer.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time under the given files or folders (skipping node_modules and dot folders). */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        walk(path.join(p, name));
      }
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  paths.forEach(walk);
  return newest;
}

export function isStale(sources, output) {
  if (!existsSync(output)) return 'missing';
  return newestMtime(sources) > statSync(output).mtimeMs ? 'older than its sources' : null;
}

/** Runs `build` (sync or async) when `output` is missing or older than `sources`; exits on failure. */
export async function buildIfStale(name, sources, output, build) {
  const why = isStale(sources, output);
  if (!why) return;
  console.log(`[start] building the ${name} (its build is ${why})…`);
  const code = await build();
  if (code !== 0) {
    console.error(`[start] building the ${name} failed (exit ${code}).`);
    process.exit(1);
  }
}

export function run(cmd, args, { env = process.env, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: quiet ? 'ignore' : 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
}
