import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Request, Response, Router } from 'express';
import { DataSource } from 'typeorm';
import { Config } from '../../config';
import { devSignInEnabled, devSignInRouter } from './dev-sign-in';
import { FAVICON_SVG, playgroundPage } from './page';

const asset = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

/** A fixed body served raw or gzipped; gzipped once, on its first request, then kept. */
function staticBody(type: string, maxAgeSeconds: number, read: () => Buffer) {
  let raw: Buffer | undefined;
  let gzipped: Buffer | undefined;
  return (req: Request, res: Response) => {
    raw ??= read();
    res.type(type).vary('Accept-Encoding').set('cache-control', `public, max-age=${maxAgeSeconds}`);
    if (req.acceptsEncodings('gzip', 'identity') !== 'gzip') return void res.send(raw);
    gzipped ??= gzipSync(raw);
    res.set('content-encoding', 'gzip').send(gzipped);
  };
}

/**
 * GraphiQL served from the project's own dependencies (works with no internet access),
 * compressed: the assets are 1.5 MB raw, about a quarter of that gzipped (issue 18). The
 * bodies never change while the process runs, so each is compressed once, not per request.
 */
export function playgroundRouter(config: Config, db: DataSource): Router {
  const router = Router();
  const day = 86400;
  const files: Record<string, [type: string, file: string]> = {
    'graphiql.min.css': ['css', asset('graphiql', 'graphiql.min.css')],
    'graphiql.min.js': ['js', asset('graphiql', 'graphiql.min.js')],
    'react.production.min.js': ['js', asset('react', 'umd/react.production.min.js')],
    'react-dom.production.min.js': ['js', asset('react-dom', 'umd/react-dom.production.min.js')],
  };
  const assets = new Map(Object.entries(files).map(([name, [type, file]]) => [name, staticBody(type, day, () => fs.readFileSync(file))]));
  router.get('/playground/assets/:file', (req, res) => {
    const send = assets.get(String(req.params.file));
    if (!send) return void res.status(404).end();
    send(req, res);
  });
  router.get(['/favicon.svg', '/favicon.ico'], staticBody('image/svg+xml', day, () => Buffer.from(FAVICON_SVG)));
  const devSignIn = devSignInEnabled(config);
  if (devSignIn) router.use(devSignInRouter(config, db));
  const page = playgroundPage({ devSignIn });
  router.get(['/', '/playground'], staticBody('html', 0, () => Buffer.from(page)));
  return router;
}
