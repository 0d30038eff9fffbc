// Builds the NestJS backend (and the shared libs it imports) with the TypeScript compiler, then rewrites the
// path aliases of tsconfig.base.json (@congress/*) into relative requires with tsc-alias, so that plain
// `node dist/backend/backend/src/main.js` runs without a loader. tsc keeps emitDecoratorMetadata, which Nest's
// dependency injection needs (esbuild does not emit it).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const tscAlias = require.resolve('tsc-alias/dist/bin/index.js');
const project = path.join(root, 'backend/tsconfig.app.json');
execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit', cwd: root });
execFileSync(process.execPath, [tscAlias, '-p', project], { stdio: 'inherit', cwd: root });
// a marker whose time says when the last build finished (tsc leaves unchanged outputs untouched)
import { mkdirSync, writeFileSync } from 'node:fs';
mkdirSync(path.join(root, 'dist/backend'), { recursive: true });
writeFileSync(path.join(root, 'dist/backend/.built'), new Date().toISOString());
