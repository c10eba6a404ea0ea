import path from 'node:path';
import compression from 'compression';
import { Router } from 'express';
import { DataSource } from 'typeorm';
import { Config } from '../../config';
import { devSignInEnabled, devSignInRouter } from './dev-sign-in';
import { FAVICON_SVG, playgroundPage } from './page';

const asset = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

/**
 * GraphiQL served from the project's own dependencies (works with no internet access),
 * compressed: the assets are 1.5 MB raw, about a quarter of that gzipped (issue 18).
 */
export function playgroundRouter(config: Config, db: DataSource): Router {
  const router = Router();
  const compress = compression();
  const files: Record<string, string> = {
    'graphiql.min.css': asset('graphiql', 'graphiql.min.css'),
    'graphiql.min.js': asset('graphiql', 'graphiql.min.js'),
    'react.production.min.js': asset('react', 'umd/react.production.min.js'),
    'react-dom.production.min.js': asset('react-dom', 'umd/react-dom.production.min.js'),
  };
  router.get('/playground/assets/:file', compress, (req, res) => {
    const file = files[String(req.params.file)];
    if (!file) return void res.status(404).end();
    res.sendFile(file, { maxAge: '1d' });
  });
  router.get(['/favicon.svg', '/favicon.ico'], compress, (_req, res) => {
    res.type('image/svg+xml').set('cache-control', 'public, max-age=86400').send(FAVICON_SVG);
  });
  const devSignIn = devSignInEnabled(config);
  if (devSignIn) router.use(devSignInRouter(config, db));
  const page = playgroundPage({ devSignIn });
  router.get(['/', '/playground'], compress, (_req, res) => void res.type('html').send(page));
  return router;
}
