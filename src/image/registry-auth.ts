/**
 * Registry authorization (docs/behaviour.md#registry-authentication): anonymous first; on 401 follow
 * the `WWW-Authenticate` challenge (a Bearer token, anonymous first, or Basic), then retry with the
 * credentials found for the registry when anonymous access is refused. Tokens are cached per host and
 * repository scope until shortly before they expire, and a challenge seen once on a host is answered
 * up front for the next repository. Every token and credential is masked before any log line.
 */
import { ActionError } from '../errors.js';
import { setSecret } from '../runner.js';
import type { Credential, CredentialSource } from './credentials.js';
import { apiHost, formatReference, isLoopbackHost } from './reference.js';
import type { Method, RegistryHttp, Reply, SendOptions } from './registry-http.js';
import { parseWwwAuthenticate, pickChallenge, protocolError, registryError, type Challenge } from './registry-wire.js';
import type { ImageRef } from './types.js';

interface AuthState {
  /** the Authorization header, or none (anonymous worked without one) */
  header: string | undefined;
  credential: Credential | undefined;
  expiresAt: number;
}

/** What a request needs on its repository beyond pull. */
export interface Access {
  push?: boolean | undefined;
  mountFrom?: string | undefined;
}

/** The token scope(s) of a request, space-separated: `repository:app:pull,push repository:src:pull`. */
export function scopeOf(repository: string, access: Access): string {
  const own = `repository:${repository}:${access.push ? 'pull,push' : 'pull'}`;
  return access.mountFrom && access.mountFrom !== repository ? `${own} repository:${access.mountFrom}:pull` : own;
}

/** The authorization state of one run: challenges per host, tokens per host and scope. */
export class RegistryAuth {
  /** the last challenge per host, so a second repository fetches its token without a 401 first */
  private readonly challenges = new Map<string, Challenge>();
  /** authorization per `host scope` */
  private readonly auth = new Map<string, AuthState>();

  constructor(
    private readonly http: RegistryHttp,
    private readonly credentials: CredentialSource,
  ) {}

  /**
   * Send a registry API request with whatever authorization this repository needs: a cached
   * token, else anonymous; on 401 follow the challenge (anonymous token first), then credentials.
   * `push` asks for pull and push (nobody pushes anonymously: the credentials come first);
   * `mountFrom` adds pull on another repository of the host (a cross-repository mount).
   * A stream body cannot be sent twice: it goes once, with the authorization already known.
   */
  async authorized(
    ref: ImageRef,
    method: Method,
    path: string,
    o: Omit<SendOptions, 'authorization' | 'scheme'> & Access = {},
  ): Promise<{ reply: Reply; credential: Credential | undefined }> {
    const host = apiHost(ref.registry);
    const { push, mountFrom, ...send } = o;
    const scope = scopeOf(ref.repository, { push, mountFrom });
    const key = `${host} ${scope}`;
    let state = this.auth.get(key);
    if (state && state.expiresAt <= Date.now()) state = undefined;
    if (send.body instanceof ReadableStream) {
      return { reply: await this.http.send(host, method, path, { ...send, authorization: state?.header }), credential: state?.credential };
    }
    let triedAnonymous = push === true || (state !== undefined && !state.credential);
    let triedCredentials = state?.credential !== undefined;
    const known = this.challenges.get(host);
    if (!state && known?.scheme === 'bearer') {
      // a challenge seen for another repository on this host: get this scope's token up front
      const credential = push ? await this.credentials.lookup(ref.registry) : undefined;
      if (!push || credential) {
        state = (await this.authenticate(ref, known, scope, credential)) ?? undefined;
        triedAnonymous = true;
        triedCredentials = credential !== undefined;
        if (state) this.auth.set(key, state);
      }
    }
    let reply = await this.http.send(host, method, path, { ...send, authorization: state?.header });
    for (;;) {
      const refused = reply.status === 401 || (reply.status === 403 && !triedCredentials);
      if (!refused) break;
      const challenge =
        reply.status === 401 ? pickChallenge(parseWwwAuthenticate(reply.headers.get('www-authenticate'))) : this.challenges.get(host);
      if (!challenge && reply.status === 401) break;
      if (challenge) this.challenges.set(host, challenge);
      let credential: Credential | undefined;
      if (challenge?.scheme === 'bearer' && !triedAnonymous) {
        triedAnonymous = true;
      } else if (!triedCredentials) {
        triedCredentials = true;
        credential = await this.credentials.lookup(ref.registry);
        if (!credential) break;
        if (!challenge) break; // 403 with no challenge ever seen: nothing to present the credentials to
      } else break;
      const next = await this.authenticate(ref, challenge!, scope, credential);
      if (!next) continue; // the token server refused anonymous access: go on to credentials
      state = next;
      this.auth.set(key, state);
      reply = await this.http.send(host, method, path, { ...send, authorization: state.header });
    }
    return { reply, credential: state?.credential };
  }

  /** Turn a challenge (and maybe a credential) into an Authorization header; `null` = anonymous refused by the token server. */
  private async authenticate(
    ref: ImageRef,
    challenge: Challenge,
    scope: string,
    credential: Credential | undefined,
  ): Promise<AuthState | null> {
    const host = apiHost(ref.registry);
    if (challenge.scheme === 'basic') {
      if (!credential) return null;
      const header = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
      setSecret(header.slice(6));
      return { header, credential, expiresAt: Infinity };
    }
    const realm = challenge.params.realm;
    let url: URL;
    try {
      url = new URL(realm ?? '');
    } catch {
      throw protocolError(ref, `its Bearer challenge has no usable realm (${JSON.stringify(realm ?? '')})`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw protocolError(ref, `its token realm ${url.origin} is not http(s)`);
    if (credential && url.protocol === 'http:' && !isLoopbackHost(url.host)) {
      throw new ActionError(`registry ${host} asks for credentials at ${url.origin}, which is plain http`, {
        fix: 'the credentials were not sent: use a registry whose token service speaks https',
      });
    }
    const service = challenge.params.service;
    let reply: Reply;
    if (credential?.identityToken) {
      // Docker's OAuth2 flow for an identity (refresh) token
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: credential.identityToken,
        client_id: 'sindri-deploy-action',
        scope,
      });
      if (service) form.set('service', service);
      reply = await this.http.send(url.host, 'POST', url.pathname + url.search, {
        scheme: url.protocol === 'https:' ? 'https' : 'http',
        body: form.toString(),
        contentType: 'application/x-www-form-urlencoded',
      });
    } else {
      if (service) url.searchParams.set('service', service);
      for (const one of scope.split(' ')) url.searchParams.append('scope', one);
      const authorization = credential
        ? `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`
        : undefined;
      if (authorization) setSecret(authorization.slice(6));
      reply = await this.http.send(url.host, 'GET', url.pathname + url.search, {
        scheme: url.protocol === 'https:' ? 'https' : 'http',
        authorization,
      });
    }
    if (reply.status === 401 || reply.status === 403) {
      if (!credential) return null;
      throw new ActionError(
        `the token service of registry ${host} (${url.origin}) refused the credentials from ${credential.source} for ${formatReference(ref)} (HTTP ${reply.status})`,
        { fix: `check the username and password or token; ${this.credentials.hint(ref.registry)}` },
      );
    }
    if (reply.status !== 200) {
      const err = registryError(reply.body);
      throw new ActionError(
        `the token service of registry ${host} (${url.origin}) answered ${err?.code ?? `HTTP ${reply.status}`} for ${formatReference(ref)}`,
        {
          fix: 'retry later; rerun with ACTIONS_STEP_DEBUG=true for the requests',
        },
      );
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(reply.body.toString('utf8')) as typeof body;
    } catch {
      throw protocolError(ref, `its token service ${url.origin} answered something that is not JSON`);
    }
    const token =
      typeof body.token === 'string' && body.token ? body.token : typeof body.access_token === 'string' ? body.access_token : '';
    if (!token) throw protocolError(ref, `its token service ${url.origin} answered without a token`);
    setSecret(token);
    // the spec's default lifetime is 60 s; renew 10 s early
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    return { header: `Bearer ${token}`, credential, expiresAt: Date.now() + Math.max(1, lifetime - 10) * 1000 };
  }
}
