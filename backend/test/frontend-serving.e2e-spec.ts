import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The Angular build served by the API process (production): its files and the SPA fallback outside /api, and
 * never a file of the build's folder in place of the API. Decoy files at api/… and admin/queues/… in the folder
 * show that the API's paths are not looked up there (before, every API request cost such a lookup).
 */
describe('serving the frontend build', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'congress-frontend-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(path.join(dir, 'main-ABC123.js'), 'console.log("app")');
    mkdirSync(path.join(dir, 'api'));
    writeFileSync(path.join(dir, 'api', 'health'), 'decoy');
    mkdirSync(path.join(dir, 'admin', 'queues'), { recursive: true });
    writeFileSync(path.join(dir, 'admin', 'queues', 'index.js'), 'decoy');
    t = await startTestApp({ frontendDist: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the build’s files, cached for an hour, and the shell for the app’s routes, not cached', async () => {
    const js = await t.http().get('/main-ABC123.js').expect(200);
    expect(js.text).toBe('console.log("app")');
    expect(js.headers['cache-control']).toBe('public, max-age=3600');
    const shell = await t.http().get('/proposals/123').set('Accept', 'text/html').expect(200);
    expect(shell.text).toContain('<title>shell</title>');
    expect(shell.headers['cache-control']).toBe('no-cache');
    const index = await t.http().get('/index.html').expect(200);
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('answers /api and /admin/queues from the backend even where the build’s folder has a file of that path', async () => {
    const health = await t.http().get('/api/health').expect(200);
    expect(health.headers['content-type']).toMatch(/application\/json/);
    expect(health.text).not.toBe('decoy');
    const board = await t.http().get('/admin/queues/index.js');
    expect(board.text).not.toBe('decoy');
    expect(board.status).toBe(401);
  });

  it('does not answer an unknown API path with the shell', async () => {
    const res = await t.http().get('/api/no-such-thing').set('Accept', 'text/html');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<title>shell</title>');
  });
});
