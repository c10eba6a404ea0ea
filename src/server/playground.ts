import path from 'node:path';
import { Router } from 'express';

const asset = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Stockgate playground</title>
  <link rel="stylesheet" href="/playground/assets/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/playground/assets/react.production.min.js"></script>
  <script src="/playground/assets/react-dom.production.min.js"></script>
  <script src="/playground/assets/graphiql.min.js"></script>
  <script>
    // Paste a token from "npm run token -- <login>" into the Headers tab:
    // { "Authorization": "Bearer <token>" }
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultHeaders: JSON.stringify({ Authorization: 'Bearer <paste a token from npm run token -- admin>' }, null, 2),
        shouldPersistHeaders: true,
        defaultEditorToolsVisibility: 'headers',
      }),
    );
  </script>
</body>
</html>`;

/** GraphiQL served from the project's own dependencies: works with no internet access. */
export function playgroundRouter(): Router {
  const router = Router();
  const files: Record<string, string> = {
    'graphiql.min.css': asset('graphiql', 'graphiql.min.css'),
    'graphiql.min.js': asset('graphiql', 'graphiql.min.js'),
    'react.production.min.js': asset('react', 'umd/react.production.min.js'),
    'react-dom.production.min.js': asset('react-dom', 'umd/react-dom.production.min.js'),
  };
  router.get('/playground/assets/:file', (req, res) => {
    const file = files[req.params.file];
    if (!file) return void res.status(404).end();
    res.sendFile(file, { maxAge: '1d' });
  });
  router.get(['/', '/playground'], (_req, res) => void res.type('html').send(PAGE));
  return router;
}

