/**
 * Where the evidence about a digest is read from (reads only; nothing here trusts what it reads:
 * bundles go to cosign, BuildKit's statements are reported as unsigned): the registry's referrers of
 * the digest (the OCI 1.1 API, else the `sha256-<hex>` fallback tag), the image index's attestation
 * manifests, and GitHub's attestations API. docs/adr/0036-evidence-ci-really-produces.md.
 */
import type { Deadline } from '../deadline.js';
import type { CredentialSource } from '../image/credentials.js';
import { RegistryAuth } from '../image/registry-auth.js';
import { RegistryHttp } from '../image/registry-http.js';
import { RepositoryClient } from '../image/registry-transfer.js';
import type { ImageRef } from '../image/types.js';
import {
  attestationManifests,
  bundleLayer,
  bundleStatement,
  candidateReferrers,
  isIndex,
  parseJson,
  platformManifests,
  provenanceLayers,
  readStatement,
  type Statement,
} from './evidence.js';

/** at most this many referrers or attestation manifests are opened (a registry could list thousands) */
const MAX_OPENED = 16;
/** a bundle or an in-toto statement larger than this is not read */
const MAX_ATTESTATION_BYTES = 4 * 1024 * 1024;

export interface FoundBundle {
  /** where it came from: `OCI referrer sha256:…` or `GitHub attestations API` */
  from: string;
  bytes: Buffer;
  statement: Statement | undefined;
}

export interface BuildkitStatement {
  /** the attestation manifest's digest */
  manifest: string;
  /** the platform manifest it is about */
  about: string;
  statement: Statement;
}

export class RegistryEvidence {
  private readonly client: RepositoryClient;
  private manifest: Promise<{ bytes: Buffer; mediaType: string }> | undefined;

  constructor(ref: ImageRef, credentials: CredentialSource, deadline: Deadline) {
    const http = new RegistryHttp({ deadline, timeoutMs: 30_000, retries: 2, backoffMs: 500, maxRetryAfterMs: 10_000 });
    this.client = new RepositoryClient(new RegistryAuth(http, credentials), ref, {}, credentials.hint(ref.registry));
  }

  /** The exact bytes of the manifest (or index) deployed, checked against its digest. */
  async manifestOf(digest: string): Promise<{ bytes: Buffer; mediaType: string }> {
    this.manifest ??= this.client.getManifest(digest);
    return await this.manifest;
  }

  /** Sigstore bundles whose referrer manifest names `digest` as its subject, with how they were listed. */
  async bundles(digest: string): Promise<{ via: 'api' | 'tag' | 'none'; bundles: FoundBundle[] }> {
    const { via, manifests } = await this.client.referrers(digest);
    const bundles: FoundBundle[] = [];
    for (const referrer of candidateReferrers(manifests).slice(0, MAX_OPENED)) {
      const m = parseJson((await this.client.getManifest(referrer)).bytes);
      const layer = m && bundleLayer(m, digest);
      if (!layer) continue;
      const bytes = await this.client.readBlob(layer.digest, MAX_ATTESTATION_BYTES);
      const json = parseJson(bytes);
      bundles.push({ from: `OCI referrer ${referrer}`, bytes, statement: json && bundleStatement(json) });
    }
    return { via, bundles };
  }

  /**
   * BuildKit's SLSA statements in the index deployed: those about a platform manifest the index lists,
   * naming it as their subject. A single-platform manifest has none (BuildKit writes them in the index).
   */
  async buildkitProvenance(digest: string): Promise<{ index: boolean; statements: BuildkitStatement[] }> {
    const { bytes, mediaType } = await this.manifestOf(digest);
    const index = parseJson(bytes);
    if (!index || !isIndex(mediaType || String(index.mediaType ?? ''))) return { index: false, statements: [] };
    const platforms = new Set(platformManifests(index));
    const statements: BuildkitStatement[] = [];
    for (const a of attestationManifests(index).slice(0, MAX_OPENED)) {
      if (!platforms.has(a.about)) continue;
      const m = parseJson((await this.client.getManifest(a.digest)).bytes);
      for (const layer of m ? provenanceLayers(m) : []) {
        const statement = readStatement(parseJson(await this.client.readBlob(layer, MAX_ATTESTATION_BYTES)));
        if (statement && statement.subjects.includes(a.about)) statements.push({ manifest: a.digest, about: a.about, statement });
      }
    }
    return { index: true, statements };
  }
}

/**
 * GitHub's attestations API for the digest in `owner/repo` (`GET /repos/{owner}/{repo}/attestations/{subject_digest}`,
 * needs `attestations: read`). A 404 is "none"; other failures are a reason, never a stop: other
 * evidence may still be there.
 */
export async function githubBundles(token: string, repository: string, digest: string): Promise<{ bundles: FoundBundle[]; note?: string }> {
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) return { bundles: [], note: 'GITHUB_REPOSITORY is not set' };
  const { githubApi } = await import('../external/github.js');
  const api = githubApi(token);
  try {
    const res = await api.request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', {
      owner,
      repo,
      subject_digest: digest,
      per_page: 30,
    });
    const list = res.data.attestations ?? [];
    const bundles = list
      .filter((a) => a.bundle)
      .map((a) => {
        const bytes = Buffer.from(JSON.stringify(a.bundle));
        return { from: `GitHub attestations API (${repository})`, bytes, statement: bundleStatement(a.bundle as Record<string, unknown>) };
      });
    const byUrl = list.length - bundles.length;
    return byUrl ? { bundles, note: `${byUrl} attestation(s) only by bundle_url, not read` } : { bundles };
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 404) return { bundles: [] };
    const why = status ? `HTTP ${status}` : e instanceof Error ? e.message : String(e);
    return { bundles: [], note: `GitHub attestations API for ${repository} failed: ${why.slice(0, 200)}` };
  }
}
