import { EXAMPLE_TABS } from './examples';

/** A small Stockgate mark, served as the favicon so browsers stop asking for a missing one. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="#0b6e4f"/>
<path d="M7 12h18v13H7zM5 8l11-4 11 4v4H5z" fill="#fff"/>
<path d="M11 16h4v5h-4zM17 16h4v5h-4z" fill="#0b6e4f"/>
</svg>`;

/**
 * The client side of the playground. No placeholder header: an empty Headers tab is an
 * anonymous viewer, who may introspect in development, so the docs load on first open. The
 * fetcher is rebuilt whenever the Authorization header changes, which makes GraphiQL fetch the
 * schema again. The "sign in as" picker exists only when the server offers dev sign-in.
 */
const CLIENT = `
const { useEffect, useMemo, useRef, useState, createElement: h } = React;
const CONFIG = JSON.parse(document.getElementById('stockgate-config').textContent);

function authorizationOf(text) {
  try {
    const headers = JSON.parse(text || '{}');
    if (!headers || typeof headers !== 'object') return null;
    const key = Object.keys(headers).find((k) => k.toLowerCase() === 'authorization');
    return key ? String(headers[key]) : '';
  } catch (e) {
    return null;
  }
}

// The operations a document defines, by name (null: anonymous, also the \`{ … }\` shorthand),
// read at the top level only (outside braces, parentheses, strings and comments).
function operationNames(query) {
  const text = query.replace(/"""[\\s\\S]*?"""|"(?:[^"\\\\\\n]|\\\\.)*"|#[^\\n]*/g, ' ');
  const names = [];
  let depth = 0;
  let parens = 0;
  let definition = false;
  for (const m of text.matchAll(/[(){}]|\\b(query|mutation|subscription|fragment)\\b\\s*([_A-Za-z]\\w*)?/g)) {
    if (m[0] === '(' || m[0] === ')') parens += m[0] === '(' ? 1 : -1;
    else if (parens > 0) continue;
    else if (m[0] === '}') depth -= 1;
    else if (m[0] === '{') {
      if (depth === 0 && !definition) names.push(null);
      definition = false;
      depth += 1;
    } else if (depth === 0) {
      definition = true;
      if (m[1] !== 'fragment') names.push(m[2] || null);
    }
  }
  return names;
}

// GraphiQL 3.9 learns the operation name of a tab 100 ms after switching to it (a debounced
// editor change), so an execute within that moment sends the new tab's document with the old
// tab's name and the server answers "Unknown operation". A document of one operation names it.
function withOwnOperationName(params) {
  const names = operationNames(params.query || '');
  if (!params.operationName || names.includes(params.operationName) || names.length !== 1) return params;
  return { ...params, operationName: names[0] || undefined };
}

function SignInAs(props) {
  const [users, setUsers] = useState([]);
  useEffect(() => {
    fetch('/playground/dev/users').then((r) => r.json()).then(setUsers, () => setUsers([]));
  }, []);
  return h('label', { className: 'sg-sign-in' }, 'Sign in as ',
    h('select', { 'aria-label': 'Sign in as', value: props.login, onChange: (e) => props.onSignIn(e.target.value) },
      h('option', { value: '' }, 'nobody (anonymous)'),
      users.map((u) => h('option', { key: u.login, value: u.login }, u.login + ' — ' + u.name))));
}

function Playground() {
  const [signedIn, setSignedIn] = useState({ login: '', headers: '', authorization: '' });
  const [edited, setEdited] = useState('');
  const timer = useRef(null);
  // The effective Authorization: the tab's own header, else the "sign in as" one. A change of
  // it rebuilds the fetcher, and GraphiQL fetches the schema again with the new identity.
  const authorization = edited || signedIn.authorization;
  const fetcher = useMemo(() => async (params, options) => {
    const sent = { 'content-type': 'application/json', accept: 'application/json' };
    let own = '';
    for (const [key, value] of Object.entries((options && options.headers) || {})) {
      if (key.toLowerCase() === 'authorization') own = String(value);
      else sent[key] = value;
    }
    if (own || authorization) sent.Authorization = own || authorization;
    const response = await fetch(CONFIG.endpoint, { method: 'POST', headers: sent, body: JSON.stringify(withOwnOperationName(params)) });
    return response.json();
  }, [authorization]);
  const onEditHeaders = (text) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const value = authorizationOf(text);
      if (value !== null) setEdited(value);
    }, 300);
  };
  const onSignIn = async (login) => {
    let headers = '';
    if (login) {
      const response = await fetch('/playground/dev/token', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login }),
      });
      const { token } = await response.json();
      headers = JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2);
    }
    clearTimeout(timer.current);
    setEdited(authorizationOf(headers) || '');
    setSignedIn({ login, headers, authorization: authorizationOf(headers) || '' });
  };
  const logo = h(GraphiQL.Logo, null,
    CONFIG.devSignIn ? h(SignInAs, { login: signedIn.login, onSignIn }) : null,
    h('span', { className: 'sg-name' }, 'Stockgate'));
  // Tabs opened or first visited after signing in show the signed-in header too (defaultHeaders).
  return h(GraphiQL, {
    fetcher, headers: signedIn.headers, defaultHeaders: signedIn.headers, onEditHeaders,
    defaultTabs: CONFIG.tabs, shouldPersistHeaders: false, defaultEditorToolsVisibility: 'headers',
  }, logo);
}

ReactDOM.createRoot(document.getElementById('graphiql')).render(h(Playground));
`;

/** The playground page; `devSignIn` adds the development "sign in as" picker. */
export function playgroundPage(options: { devSignIn: boolean }): string {
  const config = { endpoint: '/graphql', devSignIn: options.devSignIn, tabs: EXAMPLE_TABS };
  // Inside <script type="application/json"> only "</" could end the element early.
  const json = JSON.stringify(config).replace(/<\//g, '<\\/');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Stockgate playground</title>
  <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
  <link rel="stylesheet" href="/playground/assets/graphiql.min.css" />
  <style>
    body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }
    .sg-sign-in { font-size: 14px; margin-right: 12px; } .sg-sign-in select { font-size: 14px; }
  </style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script type="application/json" id="stockgate-config">${json}</script>
  <script src="/playground/assets/react.production.min.js"></script>
  <script src="/playground/assets/react-dom.production.min.js"></script>
  <script src="/playground/assets/graphiql.min.js"></script>
  <script>${CLIENT}</script>
</body>
</html>`;
}
