import { RequestHandler } from 'express';

/**
 * A browser opening /graphql (GET, HTML accepted, no query) is a person looking for the API:
 * send them to the playground when it is on, else say in one line how the endpoint is used
 * (issue 18 §7). GraphQL clients' GETs carry a `query` and never prefer HTML, so they pass.
 */
export function browserHint(playground: boolean): RequestHandler {
  return (req, res, next) => {
    const wantsHtml = req.method === 'GET' && req.query.query === undefined && /text\/html/.test(req.headers.accept ?? '');
    if (!wantsHtml) return next();
    if (playground) return res.redirect(302, '/playground');
    res.status(404).type('text/plain').send('This is a GraphQL endpoint: POST a query here with a bearer token (the playground is off).\n');
  };
}
