#!/usr/bin/env node
// Pre-start step (Node built-ins only): installs the dependencies when node_modules is missing or older than
// package-lock.json, so that `npm start` and `npm test` work from a fresh clone with nothing but Node and npm.
'use strict';
const { existsSync, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules', '.package-lock.json');

function stale() {
  if (!existsSync(marker)) return 'node_modules is missing';
  if (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000) {
    return 'package-lock.json is newer than node_modules';
  }
  return null;
}

const reason = stale();
if (reason) {
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`[setup] ${reason}: running npm ${args[0]} (about a minute)…`);
  const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', NX_NO_CLOUD: 'true' };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`[setup] npm ${args[0]} failed (exit ${r.status}). Check your network access to the npm registry and try again.`);
    process.exit(r.status || 1);
  }
}
