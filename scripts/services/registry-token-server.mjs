// A Docker registry token server (distribution token auth spec) for tests, on 127.0.0.1:${TOKEN_PORT:-5003}.
// - GET  /token?service=&scope=…            Basic auth optional (testuser/testpass)
// - POST /token  grant_type=password|refresh_token (the OAuth2 form docker uses with an identity token)
// Anonymous callers get `pull` only on repositories under `public/` (like a public package on ghcr.io);
// elsewhere they get a token with no access, and the registry answers 401 insufficient_scope.
// Bad credentials get 401. Tokens are ES256 JWTs with the signing certificate in `x5c`.
// The same server stands in for registry.fly.io's login on :5005 (ci-services.sh): TOKEN_USER=x, TOKEN_PASS=<a Fly
// token without its `FlyV1 ` scheme>, TOKEN_PUBLIC_PREFIX= (nothing is public: every Fly app's images are private).
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';

const dir = `${process.env.SVC_DIR || '/tmp/ci-services'}/token`;
const port = Number(process.env.TOKEN_PORT || 5003);
const USER = process.env.TOKEN_USER || 'testuser';
const PASS = process.env.TOKEN_PASS || 'testpass';
const PUBLIC = process.env.TOKEN_PUBLIC_PREFIX ?? 'public/';
const REFRESH = 'test-refresh-token';
const key = crypto.createPrivateKey(fs.readFileSync(`${dir}/token.key`));
const certPem = fs.readFileSync(`${dir}/token.crt`, 'utf8');
const certDer = Buffer.from(certPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
const b64u = (b) => Buffer.from(b).toString('base64url');

function jwt(claims) {
  const header = { typ: 'JWT', alg: 'ES256', x5c: [certDer.toString('base64')] };
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}`;
  const sig = crypto.sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64u(sig)}`;
}

function reply(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function issue(res, { user, service, scopes, anonymous, oauth }) {
  const access = scopes.map((s) => {
    const [type, name = '', actions = ''] = s.split(':');
    const wanted = actions.split(',').filter(Boolean);
    return { type, name, actions: anonymous ? (PUBLIC && name.startsWith(PUBLIC) ? wanted.filter((a) => a === 'pull') : []) : wanted };
  });
  const now = Math.floor(Date.now() / 1000);
  const token = jwt({
    iss: 'ci-issuer',
    sub: user,
    aud: service,
    exp: now + 300,
    nbf: now - 10,
    iat: now,
    jti: crypto.randomUUID(),
    access,
  });
  // GET answers both spellings (ghcr: token, Docker Hub: both); the OAuth2 POST answers access_token only
  const body = oauth
    ? { access_token: token, expires_in: 300 }
    : { token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() };
  reply(res, 200, body);
}

http
  .createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname !== '/token') return reply(res, 404, { details: 'not found' });
    if (req.method === 'POST') {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const f = new URLSearchParams(raw);
        const grant = f.get('grant_type');
        const ok =
          (grant === 'password' && f.get('username') === USER && f.get('password') === PASS) ||
          (grant === 'refresh_token' && f.get('refresh_token') === REFRESH);
        if (!ok) return reply(res, 401, { details: 'invalid credentials' });
        issue(res, {
          user: f.get('username') || USER,
          service: f.get('service'),
          scopes: (f.get('scope') || '').split(' ').filter(Boolean),
          anonymous: false,
          oauth: true,
        });
      });
      return;
    }
    const auth = req.headers.authorization || '';
    const anonymous = !auth;
    const [user, ...rest] = Buffer.from(auth.replace(/^Basic /, ''), 'base64')
      .toString()
      .split(':');
    if (!anonymous && !(user === USER && rest.join(':') === PASS)) return reply(res, 401, { details: 'invalid credentials' });
    issue(res, {
      user: anonymous ? '' : user,
      service: u.searchParams.get('service'),
      scopes: u.searchParams.getAll('scope'),
      anonymous,
      oauth: false,
    });
  })
  .listen(port, '127.0.0.1', () => console.log(`token server on 127.0.0.1:${port}`));
