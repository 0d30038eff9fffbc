#!/usr/bin/env node
// What each HTTP layer costs on this machine, without PostgreSQL: one route, GET /api/proposals/:id, answering the
// same JSON document (a proposal's detail of ~2 KB, Chinese text) through
//   node:http            JSON.stringify + end (what the benchmark's baseline does)
//   express res.json     Express 5 as is (the text copied to a Buffer, a SHA-1 ETag, header and body in two writes)
//   express end          Express 5, the answer written in one end() with its length
//   nest (express)       Nest 11 on Express with Nest's own reply, a global guard reading the Authorization header
//   nest (fastify)       the same on @nestjs/platform-fastify, the API's own stack since 2026-11-30
// The Express rows run only where `express` and `@nestjs/platform-express` are installed: the API no longer depends
// on them (`npm i --no-save express @nestjs/platform-express` brings them back for a comparison).
// Each server runs in a process of its own; autocannon drives it (32 connections, a warm-up, then rounds; medians).
// The load generator shares the two cores, so µs per request = 1e6 / (req/s) is an upper bound of the server's CPU
// per request, comparable between the rows of one run.
//
//   node scripts/bench/http-stacks.mjs [--duration 5] [--rounds 3] [--warmup 2] [--only node,express-json,...]
//
// docs/benchmarks.md ("The HTTP layer") has a run and what it showed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../lib/ports.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));

const STACKS = ['node', 'express-json', 'express-end', 'nest-express', 'nest-fastify'];
/** What each stack needs beyond the app's dependencies. */
const NEEDS = { 'express-json': ['express'], 'express-end': ['express'], 'nest-express': ['@nestjs/platform-express'] };

/** A detail answer's shape and size: the fields of ProposalDetail, Chinese text as the seed writes it. */
export function sampleDetail(id) {
  const text = '近年来学校教职工人数持续增加，食堂就餐高峰时段排队时间过长，菜品种类单一，价格逐年上涨，教职工反映强烈。';
  return {
    id,
    sessionId: '6f1c2a84-2b55-4f1e-9d7e-0d0c2f4f9a11',
    kind: 'proposal',
    collective: false,
    title: '关于改善学校食堂伙食质量的提案',
    state: 'handling.drafting',
    version: 7,
    number: 'P2026-0137',
    categoryId: '0a3d4c8e-74a2-4a53-8b4c-3c0d7b1f2e55',
    leadDepartmentId: '1b6e2f90-8c1d-4e2a-9f3b-5d7a9c0e1f22',
    coDepartmentIds: ['2c7f3a01-9d2e-4f3b-8a4c-6e8b0d1f2a33'],
    dueAt: '2026-12-20T09:00:00.000Z',
    overdue: false,
    isKey: false,
    excellent: false,
    published: false,
    submittedAt: '2026-11-02T03:12:45.000Z',
    createdAt: '2026-11-01T08:30:00.000Z',
    updatedAt: '2026-11-28T06:45:10.000Z',
    leadProposer: { id: '3d8a4b12-ae3f-4a4c-9b5d-7f9c1e2a3b44', username: 'delegate0137', displayName: '王晓明' },
    background: text,
    suggestions: '一、增设教工专用窗口并延长晚餐供应时间；二、每月公开菜品价格与成本；三、建立教职工伙食监督小组定期检查。',
    contactPhone: null,
    availableEvents: ['COMMENT', 'URGE'],
    cosigners: [
      { userId: '4e9b5c23-bf4a-4b5d-8c6e-8a0d2f3b4c55', displayName: '李华', status: 'confirmed' },
      { userId: '5fac6d34-c05b-4c6e-9d7f-9b1e3a4c5d66', displayName: '张伟', status: 'confirmed' },
    ],
    replies: [],
    comments: [{ id: 1, authorName: '提案委员会', content: '请抓紧办理，按期答复。', internal: true, at: '2026-11-20T02:00:00.000Z' }],
  };
}

function options(argv) {
  const o = { duration: 5, rounds: 3, warmup: 2, connections: 32, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--duration') o.duration = Number(argv[++i]);
    else if (a === '--rounds') o.rounds = Number(argv[++i]);
    else if (a === '--warmup') o.warmup = Number(argv[++i]);
    else if (a === '--connections') o.connections = Number(argv[++i]);
    else if (a === '--only') o.only = argv[++i].split(',');
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['duration', 'rounds', 'connections']) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`--${k} must be a positive integer`);
  }
  const unknown = (o.only ?? []).filter((s) => !STACKS.includes(s));
  if (unknown.length) throw new Error(`unknown stack ${unknown.join(', ')}; one of ${STACKS.join(', ')}`);
  return o;
}

// ---- the servers (child processes: `node http-stacks.mjs --serve <stack> <port>`) -------------------------------

async function serve(stack, port) {
  const id = (url) => url.slice(url.lastIndexOf('/') + 1);
  if (stack === 'node') {
    const http = await import('node:http');
    http
      .createServer((req, res) => {
        const json = JSON.stringify(sampleDetail(id(req.url)));
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
      })
      .listen(port, '127.0.0.1', () => console.log('listening'));
    return;
  }
  if (stack === 'express-json' || stack === 'express-end') {
    const express = require('express');
    const app = express();
    app.get('/api/proposals/:id', (req, res) => {
      const body = sampleDetail(req.params.id);
      if (stack === 'express-json') return res.json(body);
      const json = JSON.stringify(body);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', Buffer.byteLength(json));
      res.setHeader('Cache-Control', 'no-store');
      res.end(json);
    });
    app.listen(port, '127.0.0.1', () => console.log('listening'));
    return;
  }
  require('reflect-metadata');
  const { Controller, Get, Injectable, Module, Param } = require('@nestjs/common');
  const { APP_GUARD, NestFactory } = require('@nestjs/core');
  class Proposals {
    show(id) {
      return sampleDetail(id);
    }
  }
  Param('id')(Proposals.prototype, 'show', 0);
  Get(':id')(Proposals.prototype, 'show', Object.getOwnPropertyDescriptor(Proposals.prototype, 'show'));
  Controller('proposals')(Proposals);
  class Guard {
    canActivate(ctx) {
      return typeof ctx.switchToHttp().getRequest().headers.authorization === 'string';
    }
  }
  Injectable()(Guard);
  class Root {}
  Module({ controllers: [Proposals], providers: [{ provide: APP_GUARD, useClass: Guard }] })(Root);
  let adapter;
  if (stack === 'nest-fastify') {
    const { FastifyAdapter } = require('@nestjs/platform-fastify');
    adapter = new FastifyAdapter();
  } else {
    const { ExpressAdapter } = require('@nestjs/platform-express');
    adapter = new ExpressAdapter();
  }
  const app = await NestFactory.create(Root, adapter, { logger: false });
  app.setGlobalPrefix('api');
  await app.listen(port, '127.0.0.1');
  console.log('listening');
}

// ---- the load ---------------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function load(autocannon, port, o, duration) {
  let n = 0;
  return new Promise((resolve, reject) =>
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: o.connections,
        duration,
        headers: { authorization: 'Bearer x' },
        requests: [{ setupRequest: (req) => ({ ...req, path: `/api/proposals/00000000-0000-4000-8000-${String(n++ % 2000).padStart(12, '0')}` }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    ),
  );
}

async function measure(stack, o, autocannon) {
  const port = await freePort(3950);
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', stack, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (b) => b.toString().includes('listening') && resolve());
      child.once('exit', (code) => reject(new Error(`${stack} exited (${code}) before listening`)));
    });
    if (o.warmup > 0) await load(autocannon, port, o, o.warmup);
    const rounds = [];
    for (let r = 0; r < o.rounds; r++) {
      const res = await load(autocannon, port, o, o.duration);
      if (res.non2xx || res.errors) throw new Error(`${stack}: ${res.non2xx} answers not 2xx, ${res.errors} errors`);
      rounds.push(res);
    }
    const rps = median(rounds.map((x) => x.requests.average));
    return { stack, 'req/s': Math.round(rps), 'µs/request': Math.round(1e6 / rps), 'p99 ms': median(rounds.map((x) => x.latency.p99)) };
  } finally {
    child.kill('SIGKILL');
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--serve') return serve(argv[1], Number(argv[2]));
  const o = options(argv);
  const autocannon = require('autocannon');
  const rows = [];
  for (const stack of o.only ?? STACKS) {
    const missing = (NEEDS[stack] ?? []).filter((name) => {
      try {
        require.resolve(name);
        return false;
      } catch {
        return true;
      }
    });
    if (missing.length) {
      console.log(`[http] ${stack} skipped: ${missing.join(', ')} not installed (not a dependency of the app)`);
      continue;
    }
    const row = await measure(stack, o, autocannon);
    console.log(`[http] ${stack}: ${row['req/s']} req/s, p99 ${row['p99 ms']} ms`);
    rows.push(row);
  }
  console.log(`medians of ${o.rounds} rounds of ${o.duration} s at ${o.connections} connections (after ${o.warmup} s of warm-up), no database`);
  console.table(rows);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
