// Reading a V8 CPU profile (node --cpu-prof) for the benchmarks: the API's (run.mjs --profile) and the worker's
// (reminders.mjs --profile).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Self time per function (name file:line, relative to `root`) of the newest .cpuprofile in `dir`; null if none. */
export function summariseProfile(dir, root) {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f));
  if (!files.length) return null;
  const file = files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const self = new Map();
  let total = 0;
  for (const n of prof.nodes) {
    const hits = n.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = n.callFrame;
    const where = url ? `${url.replace(`file://${root}/`, '').replace(/^.*node_modules\//, 'node_modules/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, hits]) => ({ name, percent: (hits / total) * 100 }));
  return { file: path.relative(root, file), samples: total, top };
}
