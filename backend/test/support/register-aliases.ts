import Module from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Jest's globalSetup/globalTeardown run outside Jest's module registry, so `moduleNameMapper` does not apply
 * to them: the seed they import would fail on `@congress/*`. This resolves the path aliases of
 * tsconfig.base.json for plain Node `require`, as tsc-alias does for the build. Import it first.
 */
const root = path.resolve(__dirname, '../../..');
const base = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths?: Record<string, string[]> };
};
const aliases = new Map(
  Object.entries(base.compilerOptions.paths ?? {})
    .filter(([alias]) => !alias.includes('*'))
    .map(([alias, [target]]) => [alias, path.join(root, target)]),
);

type Resolve = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
mod._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return original.call(this, aliases.get(request) ?? request, ...rest);
} as Resolve;
