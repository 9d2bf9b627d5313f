/**
 * A tiny loopback server for the fake softphone page. Serves only the files named here, with
 * fake-softphone.ts transpiled to JavaScript on the fly (TypeScript is already a dependency).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ts from 'typescript';

export interface SoftphoneServer {
  /** The page's URL, e.g. http://127.0.0.1:4321/index.html */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

const DIR = import.meta.dirname;

function script(): string {
  const source = readFileSync(join(DIR, 'fake-softphone.ts'), 'utf8');
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
}

export async function startSoftphoneServer(port = 0): Promise<SoftphoneServer> {
  const files: Record<string, { type: string; body: string }> = {
    '/index.html': { type: 'text/html', body: readFileSync(join(DIR, 'index.html'), 'utf8') },
    '/fake-softphone.js': { type: 'text/javascript', body: script() },
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files[path === '/' ? '/index.html' : path];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': `${file.type}; charset=utf-8`,
      'cache-control': 'no-store',
    });
    res.end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/index.html`,
    origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
