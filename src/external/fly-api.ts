/**
 * Fly.io's own APIs in-process for the reads a deploy's probe and a plan's live read make (issue 25,
 * ADR 0051): each `flyctl status` / `volumes list` / `ips list` / `secrets list` is a cold Go CLI start
 * plus its requests; here the same requests go out at once from this process. Checked against flyctl
 * v0.4.87 (internal/config/config.go, internal/command/status, volumes/list.go, ips/list.go,
 * secrets/list.go, internal/appsecrets) and fly-go v0.9.5 (client.go, resource_apps.go,
 * resource_ip_addresses.go, flaps/*.go, tokens/tokens.go, machine_types.go):
 *   - GraphQL at `$FLY_API_BASE_URL/graphql` (default https://api.fly.io), POST {query, variables},
 *     `Authorization: <Tokens.GraphQLHeader()>`: the app (GetAppCompact's fields, the current release's
 *     version as renderMachineJSONStatus asks it, GetIPAddresses' addresses), in ONE query;
 *   - the Machines API (flaps) at `$FLY_FLAPS_BASE_URL` (default https://api.machines.dev), paths
 *     `/v1/apps/{app}/machines`, `/volumes`, `/secrets` (the base's own path is replaced, as
 *     url.ResolveReference does), `Authorization: <Tokens.FlapsHeader()>`.
 * The token is the one flyctl reads (FLY_ACCESS_TOKEN, then FLY_API_TOKEN), parsed as fly-go's
 * tokens.Parse: schemes stripped, comma-separated parts, macaroons (`fm1r_`, `fm1a_`, `fm2_`) apart
 * from the rest; the scheme is `FlyV1` when it holds a macaroon, else `Bearer`; GraphQL gets every
 * part, flaps the macaroons only (all parts when there is none).
 * The answers are turned into what the CLI prints (`flyctl status --json`: flaps ListActive, the
 * Apps V2 machines, sorted by ID descending; `volumes list`: GetVolumes without destroyed states; `ips
 * list`: the nodes and the shared IPv4) so the provider decides from the same facts either way.
 * Not followed (flyctl is asked, with one log line saying why): a proxy in the environment for a
 * non-loopback host, plain http to a non-loopback host, Go's own certificate roots (SSL_CERT_FILE /
 * SSL_CERT_DIR), the FLY_FORCE_* headers, a base URL that does not parse, no token; and any answer
 * other than the expected one (a refused token flyctl might discharge or refresh first, an API error):
 * flyctl then reads as before and words any error itself.
 */
import type { Deadline } from '../deadline.js';
import { ActionError } from '../errors.js';
import { oneLine } from '../text.js';
import { flyTokenEnv, isMacaroon, stripScheme } from './fly-token.js';
import { readAnswer, type HttpAnswer } from './http-answer.js';
import type { Flyctl, FlyIp, FlyMachine, FlySecret, FlyStatus, FlyVolume } from './flyctl.js';

export const FLY_API_BASE = 'https://api.fly.io';
export const FLY_MACHINES_BASE = 'https://api.machines.dev';

/** fly-go flaps_volumes.go destroyedVolumeStates: what `volumes list` (without --all) leaves out */
const DESTROYED_VOLUME = new Set(['scheduling_destroy', 'fork_cleanup', 'waiting_for_detach', 'pending_destroy', 'destroying']);

/** What an in-process read needs: where, and the two Authorization values. */
export interface FlyApiEndpoint {
  graphql: URL;
  machines: URL;
  /** Tokens.GraphQLHeader(): never logged */
  graphqlAuth: string;
  /** Tokens.FlapsHeader(): never logged */
  machinesAuth: string;
  scheme: 'FlyV1' | 'Bearer';
}

/** fly-go tokens.StripAuthorizationScheme then tokens.Parse, and the two headers of Tokens.normalized. */
export function flyAuthorization(token: string): { graphql: string; machines: string; scheme: 'FlyV1' | 'Bearer' } | undefined {
  const parts = stripScheme(token)
    .split(',')
    .map((p) => p.trim());
  if (parts.some((p) => p === '' || /\s/.test(p))) return undefined;
  const macaroons = parts.filter(isMacaroon);
  const others = parts.filter((p) => !macaroons.includes(p));
  const scheme = macaroons.length ? 'FlyV1' : 'Bearer';
  return {
    scheme,
    graphql: `${scheme} ${[...macaroons, ...others].join(',')}`,
    machines: `${scheme} ${(macaroons.length ? macaroons : others).join(',')}`,
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Where flyctl would send its reads and with what token, or why flyctl must be asked instead. */
export function resolveFlyApi(env: NodeJS.ProcessEnv): { ok: true; endpoint: FlyApiEndpoint } | { ok: false; reason: string } {
  // internal/config/config.go applyEnv: env.First(FLY_ACCESS_TOKEN, FLY_API_TOKEN)
  const name = flyTokenEnv(env);
  if (!name) return { ok: false, reason: 'no token in the environment' };
  const auth = flyAuthorization(env[name]!);
  if (!auth) return { ok: false, reason: `${name} has an empty or spaced part` };
  const forced = ['FLY_FORCE_TRACE', 'FLY_FORCE_REGION', 'FLY_FORCE_INSTANCE_ID'].find((k) => env[k]);
  if (forced) return { ok: false, reason: `${forced} is set` };
  const urls: URL[] = [];
  for (const [key, dflt] of [
    ['FLY_API_BASE_URL', FLY_API_BASE],
    ['FLY_FLAPS_BASE_URL', FLY_MACHINES_BASE],
  ] as const) {
    const value = env[key] || dflt;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { ok: false, reason: `${key} is not a URL` };
    }
    const loopback = LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `${key} scheme ${url.protocol}` };
    if (url.protocol === 'http:' && !loopback) return { ok: false, reason: `${key}: plain http to a non-loopback host` };
    if (url.username || url.password) return { ok: false, reason: `${key} carries credentials` };
    // Go's ProxyFromEnvironment never proxies loopback; elsewhere flyctl would go through the proxy
    const proxy = (url.protocol === 'https:' ? ['HTTPS_PROXY', 'https_proxy'] : ['HTTP_PROXY', 'http_proxy']).some((k) => env[k]);
    if (proxy && !loopback) return { ok: false, reason: 'a proxy in the environment' };
    // Go reads its certificate roots from these; Node's bundled roots may differ
    const roots = ['SSL_CERT_FILE', 'SSL_CERT_DIR'].find((k) => env[k]);
    if (roots && url.protocol === 'https:') return { ok: false, reason: `${roots} is set (Go's certificate roots)` };
    urls.push(url);
  }
  // client.go: fmt.Sprintf("%s/graphql", baseURL); flaps: /v1/… resolved against the base (its path replaced)
  const graphql = new URL(`${(env.FLY_API_BASE_URL || FLY_API_BASE).replace(/[?#].*$/s, '')}/graphql`);
  const machines = new URL('/', urls[1]!);
  return { ok: true, endpoint: { graphql, machines, graphqlAuth: auth.graphql, machinesAuth: auth.machines, scheme: auth.scheme } };
}

type Answer = HttpAnswer;

/** A request that did not finish within its time. */
export class FlyApiTimeout extends Error {}

/** An answer this client does not take as it is: flyctl is asked instead (`message` says why, in one line). */
export class FlyApiUnexpected extends Error {}

/** The app's GraphQL fields flyctl's status and ips list read (GetAppCompact, renderMachineJSONStatus, GetIPAddresses). */
const APP_QUERY = (ips: boolean) =>
  'query ($appName: String!) { app(name: $appName) { id name hostname deployed network status appUrl platformVersion ' +
  'organization { id slug } postgresAppRole: role { name } currentRelease: currentReleaseUnprocessed { version }' +
  (ips ? ' ipAddresses { nodes { id address type region } } sharedIpAddress' : '') +
  ' } }';

interface GqlApp {
  id: string;
  name: string;
  hostname: string;
  deployed: boolean;
  network?: string;
  status: string;
  appUrl: string;
  platformVersion: string;
  organization?: { id?: string; slug?: string };
  postgresAppRole?: { name?: string } | null;
  currentRelease?: { version?: number } | null;
  ipAddresses?: { nodes?: { address: string; type: string }[] };
  sharedIpAddress?: string | null;
}

/** What the probe reads: the app (undefined: none), its volumes, addresses and Fly's digests of its secrets. */
export interface FlyRead {
  status?: FlyStatus;
  volumes: FlyVolume[];
  ips: FlyIp[];
  secrets: FlySecret[];
}

/** fly-go MachineConfig.ProcessGroup: `fly_process_group`, else the older `process_group` */
const processGroup = (m: FlyMachine) => m.config?.metadata?.fly_process_group || m.config?.metadata?.process_group || '';

/**
 * The machines `flyctl status --json` prints: flaps ListActive (no release-command machine, no console
 * machine, nothing destroyed), then only Apps V2 machines unless it is a Postgres app, by ID descending.
 */
export function statusMachines(all: FlyMachine[], postgres: boolean): FlyMachine[] {
  const v2 = (m: FlyMachine) => m.config?.metadata?.fly_platform_version === 'v2';
  const active = (m: FlyMachine) => m.state !== 'destroyed' && m.state !== 'destroying';
  return all
    .filter(
      (m) =>
        !(processGroup(m) === 'fly_app_release_command' || m.config?.metadata?.process_group === 'release_command') &&
        !(v2(m) && active(m) && processGroup(m) === 'fly_app_console') &&
        active(m),
    )
    .filter((m) => postgres || v2(m))
    .sort((a, b) => (a.id > b.id ? -1 : a.id < b.id ? 1 : 0));
}

/** Fly's two APIs over node:http(s), one connection per request. */
export class FlyApi {
  constructor(readonly endpoint: FlyApiEndpoint) {}

  /** where the reads go, for the log: the two origins */
  get where(): string {
    return `${this.endpoint.graphql.origin}/graphql and ${this.endpoint.machines.origin}`;
  }

  private async request(
    method: 'GET' | 'POST',
    url: URL,
    authorization: string,
    time: { timeoutMs: number; signal: AbortSignal },
    body?: string,
  ): Promise<Answer> {
    // node:http(s) on first use only (ADR 0049): a run that never reads Fly does not load them
    const { request } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
    const headers = {
      authorization,
      accept: 'application/json',
      'user-agent': 'sindri-deploy-action',
      ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
    };
    // one connection per request (agent: false): no idle keep-alive socket holds the run open
    return await readAnswer(
      (onResponse) => request(url, { method, headers, agent: false, signal: time.signal }, onResponse),
      time.timeoutMs,
      () => new FlyApiTimeout(`no answer within ${time.timeoutMs} ms`),
      body,
    );
  }

  /** One GraphQL query: the app, or undefined for GraphQL's `Could not find App` (what flyctl tests for). */
  private async app(app: string, ips: boolean, time: { timeoutMs: number; signal: AbortSignal }): Promise<GqlApp | undefined> {
    const e = this.endpoint;
    const body = JSON.stringify({ query: APP_QUERY(ips), variables: { appName: app } });
    const a = await this.request('POST', e.graphql, e.graphqlAuth, time, body);
    if (a.status !== 200) throw unexpected('POST /graphql', a);
    const r = parse<{ data?: { app?: GqlApp | null }; errors?: { message?: string }[] }>(a, 'POST /graphql');
    const errors = (r.errors ?? []).map((x) => String(x.message ?? ''));
    if (errors.some((m) => /Could not find App/i.test(m))) return undefined;
    if (errors.length || !r.data?.app)
      throw new FlyApiUnexpected(`GraphQL answered ${oneLine(errors.join('; ') || 'no app').slice(0, 200)}`);
    return r.data.app;
  }

  /** A Machines API list: undefined for 404 (no such app, as flaps says `app not found`). */
  private async list<T>(
    app: string,
    what: 'machines' | 'volumes' | 'secrets',
    time: { timeoutMs: number; signal: AbortSignal },
  ): Promise<T | undefined> {
    const e = this.endpoint;
    const path = `/v1/apps/${encodeURIComponent(app)}/${what}`;
    const a = await this.request('GET', new URL(path, e.machines), e.machinesAuth, time);
    if (a.status === 404) return undefined;
    if (a.status !== 200) throw unexpected(`GET ${path}`, a);
    return parse<T>(a, `GET ${path}`);
  }

  /** `flyctl status --app <app> --json` as one round: the app and its machines side by side. */
  async status(app: string, timeoutMs: number): Promise<FlyStatus | undefined> {
    return (await this.read(app, { ips: false, volumes: false, secrets: false }, timeoutMs)).status;
  }

  /**
   * The probe of a deploy in one round of parallel requests: the app with its addresses (GraphQL), its
   * machines, volumes and (`secrets`) secrets (the Machines API). No app: undefined status, empty lists.
   */
  async read(app: string, want: { ips: boolean; volumes: boolean; secrets: boolean }, timeoutMs: number): Promise<FlyRead> {
    const none = Promise.resolve(undefined);
    // the first failure stops the others: no request (or its timer) outlives the read and holds the run open
    const stop = new AbortController();
    const time = { timeoutMs, signal: stop.signal };
    const guard = <T>(p: Promise<T>): Promise<T> =>
      p.catch((e: unknown) => {
        stop.abort();
        throw e;
      });
    const [gql, machines, volumes, secrets] = await Promise.all([
      guard(this.app(app, want.ips, time)),
      guard(this.list<FlyMachine[]>(app, 'machines', time)),
      want.volumes ? guard(this.list<FlyVolume[]>(app, 'volumes', time)) : none,
      want.secrets ? guard(this.list<{ secrets?: { name: string; digest?: string }[] }>(app, 'secrets', time)) : none,
    ]);
    if (!gql) return { volumes: [], ips: [], secrets: [] };
    if (!machines) throw new FlyApiUnexpected('the Machines API does not know the app GraphQL found');
    const postgres = gql.postgresAppRole?.name === 'postgres_cluster';
    const status: FlyStatus = {
      Name: gql.name,
      Deployed: gql.deployed,
      Status: gql.status,
      Hostname: gql.hostname,
      Version: gql.currentRelease?.version ?? 0,
      Organization: { Slug: gql.organization?.slug ?? '' },
      Machines: statusMachines(machines, postgres),
    };
    const ips: FlyIp[] = (gql.ipAddresses?.nodes ?? []).map((n) => ({ Address: n.address, Type: n.type }));
    // fly-go GetIPAddresses: the shared IPv4 as one more address ("ugly hack")
    if (gql.sharedIpAddress) ips.push({ Address: gql.sharedIpAddress, Type: 'shared_v4' });
    return {
      status,
      volumes: (volumes ?? []).filter((v) => !DESTROYED_VOLUME.has(v.state)),
      ips,
      secrets: (secrets?.secrets ?? []).map((s) => ({ name: s.name, digest: s.digest ?? '' })),
    };
  }
}

function parse<T>(a: Answer, what: string): T {
  try {
    return JSON.parse(a.body) as T;
  } catch {
    throw new FlyApiUnexpected(`${what} answered ${a.status} with something that is not JSON`);
  }
}

/** flaps handleAPIError's message (`{"error": …, "message": …}`), else the status */
function unexpected(what: string, a: Answer): FlyApiUnexpected {
  let message = '';
  try {
    const b = JSON.parse(a.body) as { error?: unknown; message?: unknown };
    message = String(b.message || b.error || '');
  } catch {
    message = a.body.split('\n')[0] ?? '';
  }
  return new FlyApiUnexpected(`${what} answered ${a.status}${message ? `: ${oneLine(message).slice(0, 200)}` : ''}`);
}

/** The budgets of the probe's calls, as the provider words them. */
export interface ProbeBudgets {
  /** `flyctl status` (and the one round of requests) */
  statusMs: number;
  /** each of `volumes list`, `ips list`, `secrets list` through flyctl */
  listMs: () => number;
}

/**
 * The reads of the fly provider: in-process where `resolveFlyApi` allows and Fly answers as expected,
 * else through flyctl exactly as before, with one log line saying why.
 */
export class FlyReader {
  private chosen?: { api: FlyApi } | { reason: string };

  constructor(
    private readonly fly: Flyctl,
    private readonly deadline: Deadline,
    private readonly log: (line: string) => void,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** the API client, or why flyctl reads instead (resolved once, said once) */
  private api(): FlyApi | undefined {
    if (!this.chosen) {
      const r = resolveFlyApi(this.env);
      this.chosen = r.ok ? { api: new FlyApi(r.endpoint) } : { reason: r.reason };
      if (!r.ok) this.log(`Fly reads through flyctl (${oneLine(r.reason)}, which this action leaves to flyctl)`);
    }
    return 'api' in this.chosen ? this.chosen.api : undefined;
  }

  /** Whether the last read went in-process (the plan says where its answer came from). */
  inProcess = false;

  /**
   * One in-process read within `wantedMs`, capped by the run's deadline as exec caps a command; an
   * answer this client does not take, or a connection that fails, is undefined (flyctl reads instead).
   */
  private async attempt<T>(api: FlyApi, app: string, wantedMs: number, read: (ms: number) => Promise<T>): Promise<T | undefined> {
    const shown = `Fly API read of app ${app}`;
    const { timeoutMs, capped } = this.deadline.cap(wantedMs, `Fly's API could be asked about app ${app}`);
    const started = Date.now();
    try {
      const r = await read(timeoutMs);
      this.inProcess = true;
      return r;
    } catch (e) {
      if (e instanceof FlyApiTimeout) {
        if (capped) throw this.deadline.stopped(shown, Date.now() - started);
        throw new ActionError(`\`${shown}\` did not answer within ${Math.round(timeoutMs / 1000)} s and was stopped`, {
          fix: `check that ${api.where} answer from this runner (https://status.flyio.net), or raise the input timeout`,
        });
      }
      const why = e instanceof FlyApiUnexpected ? e.message : `${api.where} could not be reached: ${(e as Error).message}`;
      this.log(`Fly's API read of app ${app} in-process failed (${oneLine(why).slice(0, 300)}): reading through flyctl`);
      this.inProcess = false;
      return undefined;
    }
  }

  /** `flyctl status --app <app> --json`: undefined when the app does not exist. */
  async status(app: string, timeoutMs: number): Promise<FlyStatus | undefined> {
    const api = this.api();
    if (api) {
      this.log(`reading app ${app} from ${api.where} in-process, ${api.endpoint.scheme} token (no flyctl process)`);
      const r = await this.attempt(api, app, timeoutMs, async (ms) => ({ status: await api.status(app, ms) }));
      if (r) return r.status;
    }
    this.inProcess = false;
    return await this.fly.status(app, timeoutMs);
  }

  /**
   * `probe`'s one round of requests alone: undefined when flyctl has to read (the reason said), so a
   * read made ahead of the install step never needs the flyctl it installs (ADR 0052).
   */
  async probeInProcess(app: string, secrets: boolean, statusMs: number): Promise<FlyRead | undefined> {
    const api = this.api();
    if (!api) return undefined;
    this.log(
      `reading app ${app}, its machines, volumes, addresses${secrets ? ' and secrets' : ''} from ${api.where} in-process, ${api.endpoint.scheme} token (no flyctl process)`,
    );
    return await this.attempt(api, app, statusMs, (ms) => api.read(app, { ips: true, volumes: true, secrets }, ms));
  }

  /**
   * What a deploy's probe reads: the app and its machines, the volumes, the addresses and (`secrets`)
   * Fly's digests of the secrets; in-process one round, else `flyctl status` then the three lists
   * side by side, as before.
   */
  async probe(app: string, secrets: boolean, budgets: ProbeBudgets): Promise<FlyRead> {
    const r = await this.probeInProcess(app, secrets, budgets.statusMs);
    if (r) return r;
    this.inProcess = false;
    const status = await this.fly.status(app, budgets.statusMs);
    if (!status) return { volumes: [], ips: [], secrets: [] };
    const [volumes, ips, listed] = await Promise.all([
      this.fly.volumesList(app, budgets.listMs()),
      this.fly.ipsList(app, budgets.listMs()),
      secrets ? this.fly.secretsList(app, budgets.listMs()) : [],
    ]);
    return { status, volumes, ips, secrets: listed };
  }
}
