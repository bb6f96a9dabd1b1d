import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { projectRoot } from '../paths.ts';

/** The built client: dist/client at the top of the project. */
export function clientDir(): string {
  return path.join(projectRoot(), 'dist', 'client');
}

/**
 * Serves the client bundle. Hashed assets are cached for a year; index.html is never cached, so
 * a wall screen that reloads after an upgrade gets the new bundle. Any other GET that accepts
 * HTML gets index.html, and the client's router takes it from there.
 */
export function serveClient(root = clientDir()): RequestHandler {
  const index = path.join(root, 'index.html');
  const assets = express.static(root, {
    index: false,
    setHeaders(res, file) {
      res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req, res, next) => {
    assets(req, res, () => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next();
      if (!existsSync(index)) {
        res.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (npm start does it for you).\n');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}
