/**
 * Copy an image, byte for byte, from one registry to another (ADR 0026): the digest does not change,
 * so what was verified at the source is what the target serves. Manifests are read as exact bytes and
 * written back with their media type, children before the index that names them, so the target never
 * holds a manifest whose content is missing; a manifest already there ends the walk below it. Blobs
 * are asked for with HEAD first, mounted when source and target share a host, else streamed from the
 * source's GET into the target's upload (one PUT, or PATCH chunks for large ones) with the bytes
 * hashed on the way: no layer is ever held in memory. A copy cut short is completed by the next run:
 * what arrived is found by HEAD and not sent again.
 */
import { createHash } from 'node:crypto';
import type { Deadline } from '../deadline.js';
import { ActionError } from '../errors.js';
import type { CredentialSource } from './credentials.js';
import {
  platformName,
  platformsOf,
  parseManifest,
  runnerPlatform,
  selectPlatform,
  type Descriptor,
  type ParsedManifest,
  type Platform,
} from './copy-plan.js';
import { apiHost, formatReference, isValidTag, parseReference, pinnedReference } from './reference.js';
import { RegistryAuth } from './registry-auth.js';
import { formatBytes, isTransient, RegistryHttp } from './registry-http.js';
import { RepositoryClient, type ManifestBytes } from './registry-transfer.js';
import type { ImageRef } from './types.js';

/** Where a copy reads: an image by digest, and the credentials for its registry. */
export interface CopySource {
  /** `registry/repository@sha256:…` (a tag alone is refused: a copy is always of a digest) */
  reference: string | ImageRef;
  credentials: CredentialSource;
}

/** Where a copy writes: a repository of a registry, and credentials that may push to it. */
export interface CopyTarget {
  /** host[:port], e.g. `registry.fly.io` */
  registry: string;
  /** e.g. the Fly app's name */
  repository: string;
  credentials: CredentialSource;
  /** also tag the copied manifest (a registry may collect untagged manifests) */
  tag?: string;
}

export type CopyEvent =
  | { kind: 'blob'; digest: string; size: number; outcome: 'present' | 'mounted' | 'copied' }
  | { kind: 'manifest'; digest: string; size: number; outcome: 'present' | 'copied' };

export interface CopyOptions {
  /** every platform of an index (the digest is kept; the default), or only the runner's (the digest becomes that platform's manifest) */
  platforms?: 'all' | 'runner';
  deadline: Deadline;
  /** stops the copy; what arrived stays and the next run sends the rest */
  signal?: AbortSignal;
  onProgress?: (event: CopyEvent) => void;
  /** blobs moved at once, default 3 */
  concurrency?: number;
  /** a blob larger than this goes in PATCH chunks of this size; default 64 MiB */
  chunkBytes?: number;
  /** per request, and the longest a blob may stall; default 30000 */
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  /** the platform `runner` picks; default linux on the runner's CPU */
  runner?: Platform;
}

export interface CopyCounts {
  total: number;
  copied: number;
  present: number;
}

export interface CopyResult {
  /** `registry/repository@digest` on the target: what to deploy */
  reference: string;
  digest: string;
  sourceDigest: string;
  /** only the runner's platform was copied: `digest` is that platform's manifest, not the source's index */
  digestChanged: boolean;
  /** the platforms copied, when the source was read (`linux/amd64`) */
  platforms?: string[];
  blobs: CopyCounts & { mounted: number };
  manifests: CopyCounts;
  /** bytes sent to the target: blobs uploaded and manifests written */
  bytes: number;
  /** HTTP requests to both registries, token requests included */
  requests: number;
  /** the copy in one line, for the log and the summary */
  note: string;
}

const DEFAULT_CHUNK = 64 * 1024 * 1024;

/**
 * Copy `from` (by digest) to `to`, byte for byte: the result's `reference` is `to`'s
 * `registry/repository@digest`, with the source's digest unless `platforms: 'runner'` picked one
 * platform out of an index (then `digestChanged` is true and `note` says so).
 */
export async function copyImage(from: CopySource, to: CopyTarget, o: CopyOptions): Promise<CopyResult> {
  const source = typeof from.reference === 'string' ? parseReference(from.reference) : from.reference;
  const sourceDigest = source.digest;
  if (!sourceDigest)
    throw new ActionError(`cannot copy ${formatReference(source)}: a copy needs the image's digest`, { fix: 'pin the image first' });
  const target = parseReference(`${to.registry}/${to.repository}`);
  if (to.tag !== undefined && !isValidTag(to.tag)) throw new ActionError(`cannot tag the copy "${to.tag}": not a valid tag`, {});
  const http = new RegistryHttp({
    deadline: o.deadline,
    timeoutMs: o.timeoutMs ?? 30_000,
    retries: o.retries ?? 4,
    backoffMs: o.backoffMs ?? 500,
    maxRetryAfterMs: 60_000,
  });
  const sameHost = apiHost(source.registry).toLowerCase() === apiHost(target.registry).toLowerCase();
  const mountFrom = sameHost && source.repository !== target.repository ? source.repository : undefined;
  const reader = new RepositoryClient(new RegistryAuth(http, from.credentials), source, {}, from.credentials.hint(source.registry));
  const writer = new RepositoryClient(
    new RegistryAuth(http, to.credentials),
    target,
    { push: true, mountFrom },
    to.credentials.hint(target.registry),
  );
  const copy = new Copy(o, reader, writer, mountFrom, to.tag);
  try {
    return await copy.run(sourceDigest, http);
  } catch (e) {
    copy.stop.abort();
    if (o.signal?.aborted && !(e instanceof ActionError)) {
      throw new ActionError(`the copy of ${formatReference(source)} to ${writer.name} was stopped after ${copy.doneBlobs()} blob(s)`, {
        fix: 'run again: what arrived stays, and the next run sends only the rest',
      });
    }
    throw e;
  }
}

/** One copy's state: counts, the blobs already in flight, and the signal that stops every transfer. */
class Copy {
  readonly stop = new AbortController();
  private readonly signal: AbortSignal;
  private readonly blobs = new Map<string, Promise<void>>();
  private readonly stats = {
    blobs: { total: 0, copied: 0, present: 0, mounted: 0 },
    manifests: { total: 0, copied: 0, present: 0 },
    bytes: 0,
  };

  constructor(
    private readonly o: CopyOptions,
    private readonly from: RepositoryClient,
    private readonly to: RepositoryClient,
    private readonly mountFrom: string | undefined,
    private readonly tag: string | undefined,
  ) {
    this.signal = o.signal ? AbortSignal.any([this.stop.signal, o.signal]) : this.stop.signal;
  }

  doneBlobs(): number {
    const b = this.stats.blobs;
    return b.copied + b.present + b.mounted;
  }

  async run(sourceDigest: string, http: RegistryHttp): Promise<CopyResult> {
    let digest = sourceDigest;
    let root: { got: ManifestBytes; parsed: ParsedManifest } | undefined;
    let platforms: string[] | undefined;
    let note = '';
    if (this.o.platforms === 'runner') {
      root = await this.read(sourceDigest);
      if (root.parsed.kind === 'index') {
        const want = this.o.runner ?? runnerPlatform();
        const pick = selectPlatform(root.parsed.manifests, want);
        if (!pick) {
          throw new ActionError(
            `${this.from.name}@${sourceDigest} has no ${platformName(want)} image (it has ${platformsOf(root.parsed.manifests).join(', ') || 'no platforms'})`,
            { fix: `copy every platform, or build and push the image for ${platformName(want)}` },
          );
        }
        note = `; only ${platformName(pick.platform)} of the index was copied, so the digest deployed is that platform's ${pick.digest}, not the index's ${sourceDigest}`;
        digest = pick.digest;
        root = await this.read(digest);
        platforms = [platformName(pick.platform)];
      }
    }
    await this.manifest(digest, root, (p) => (platforms ??= p));
    if (this.tag !== undefined && (await this.to.manifestDigest(this.tag)) !== digest) {
      const got = root?.got ?? (await this.to.getManifest(digest));
      await this.to.putManifest(this.tag, got.bytes, got.mediaType);
      this.stats.bytes += got.bytes.length;
    }
    const { blobs, manifests, bytes } = this.stats;
    const requests = http.count;
    const reference = pinnedReference(this.to.ref, digest);
    const line =
      blobs.copied + manifests.copied === 0 && bytes === 0
        ? `${this.to.name} already holds ${digest}: nothing copied`
        : `copied ${this.from.name}@${digest} to ${this.to.name}: ${blobs.copied} of ${blobs.total} blob(s) and ${manifests.copied} of ${manifests.total} manifest(s) sent (${formatBytes(bytes)}), ${blobs.present} blob(s) already there, ${blobs.mounted} mounted`;
    const result: CopyResult = {
      reference,
      digest,
      sourceDigest,
      digestChanged: digest !== sourceDigest,
      blobs: { ...blobs },
      manifests: { ...manifests },
      bytes,
      requests,
      note: `${line} (${requests} requests)${note}`,
    };
    if (platforms) result.platforms = platforms;
    return result;
  }

  private async read(digest: string): Promise<{ got: ManifestBytes; parsed: ParsedManifest }> {
    this.signal.throwIfAborted();
    const got = await this.from.getManifest(digest);
    return { got, parsed: parseManifest(got.bytes, got.mediaType, `${this.from.name}@${digest}`) };
  }

  private emit(e: Parameters<NonNullable<CopyOptions['onProgress']>>[0]): void {
    this.o.onProgress?.(e);
  }

  /** A manifest and everything under it; one the target already holds is complete (its registry checked). */
  private async manifest(
    digest: string,
    known: { got: ManifestBytes; parsed: ParsedManifest } | undefined,
    onPlatforms?: (p: string[]) => void,
  ): Promise<void> {
    this.signal.throwIfAborted();
    this.stats.manifests.total++;
    if ((await this.to.manifestDigest(digest)) === digest) {
      this.stats.manifests.present++;
      this.emit({ kind: 'manifest', digest, size: 0, outcome: 'present' });
      return;
    }
    const { got, parsed } = known ?? (await this.read(digest));
    if (parsed.kind === 'index') {
      onPlatforms?.(platformsOf(parsed.manifests));
      for (const child of parsed.manifests) await this.manifest(child.digest, undefined);
    } else {
      await this.pool(parsed.blobs);
    }
    this.signal.throwIfAborted();
    await this.to.putManifest(digest, got.bytes, got.mediaType);
    this.stats.manifests.copied++;
    this.stats.bytes += got.bytes.length;
    this.emit({ kind: 'manifest', digest, size: got.bytes.length, outcome: 'copied' });
  }

  /** Blobs, `concurrency` at a time; a blob two platforms share is moved once. The first failure stops the rest. */
  private async pool(blobs: readonly Descriptor[]): Promise<void> {
    const queue = blobs.filter((b, i) => blobs.findIndex((x) => x.digest === b.digest) === i);
    const work = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        this.signal.throwIfAborted();
        const d = next;
        let p = this.blobs.get(d.digest);
        if (!p) {
          this.stats.blobs.total++;
          p = this.blob(d);
          this.blobs.set(d.digest, p);
        }
        await p;
      }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(this.o.concurrency ?? 3, queue.length)) }, work);
    const settled = await Promise.allSettled(workers.map((w) => w.catch((e: unknown) => (this.stop.abort(), Promise.reject(e)))));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async blob(d: Descriptor): Promise<void> {
    if (await this.to.hasBlob(d.digest)) {
      this.stats.blobs.present++;
      this.emit({ kind: 'blob', digest: d.digest, size: d.size, outcome: 'present' });
      return;
    }
    for (let attempt = 0; ; attempt++) {
      this.signal.throwIfAborted();
      const start = await this.to.startUpload(this.mountFrom ? { digest: d.digest, from: this.mountFrom } : undefined);
      if (start.mounted) {
        this.stats.blobs.mounted++;
        this.emit({ kind: 'blob', digest: d.digest, size: d.size, outcome: 'mounted' });
        return;
      }
      try {
        await this.transfer(d, start.location);
        break;
      } catch (e) {
        // a reset or a stall part-way: the upload session is dropped and the blob is sent again from its first byte
        if (!isTransient(e) || attempt >= 2 || this.signal.aborted) throw e;
      }
    }
    this.stats.blobs.copied++;
    this.stats.bytes += d.size;
    this.emit({ kind: 'blob', digest: d.digest, size: d.size, outcome: 'copied' });
  }

  /** Stream one blob from the source into the upload at `location`, hashing it on the way. */
  private async transfer(d: Descriptor, location: string): Promise<void> {
    const stallMs = this.o.timeoutMs ?? 30_000;
    const what = `copying blob ${d.digest} (${formatBytes(d.size)}) to ${this.to.name}`;
    const local = new AbortController();
    const signal = AbortSignal.any([local.signal, this.signal]);
    let stall: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(stall);
      stall = setTimeout(() => local.abort(stalled(what, stallMs)), stallMs);
    };
    const deadline = setTimeout(() => local.abort(this.o.deadline.exceeded(what)), this.o.deadline.budget(what));
    try {
      arm();
      const body = (await this.from.openBlob(d.digest, signal)).pipeThrough(verifier(d, this.from.name, arm));
      const chunk = this.o.chunkBytes ?? DEFAULT_CHUNK;
      if (d.size <= chunk) {
        await this.to.putBlob(location, d.digest, body, d.size, signal);
        return;
      }
      const reader = body.getReader();
      const rest: { bytes?: Uint8Array } = {};
      let at = location;
      for (let offset = 0; offset < d.size; offset += chunk) {
        const n = Math.min(chunk, d.size - offset);
        at = await this.to.patchChunk(at, slice(reader, n, rest), offset, n, signal);
      }
      // the end of the source runs the digest check before the upload is closed
      if (!(await reader.read()).done) throw new ActionError(`${this.from.name} sent more than ${d.size} bytes of ${d.digest}`, {});
      await this.to.commitUpload(at, d.digest);
    } catch (e) {
      if (signal.aborted && signal.reason instanceof ActionError) throw signal.reason;
      throw e;
    } finally {
      clearTimeout(stall);
      clearTimeout(deadline);
    }
  }
}

function stalled(what: string, ms: number): ActionError {
  return new ActionError(`no bytes moved for ${Math.round(ms / 1000)} s while ${what}`, {
    fix: 'check the network between the runner and both registries; run again to send the rest',
  });
}

/** Pass a blob's bytes through, counting and hashing them: more than its size, or another digest, is an error. */
function verifier(d: Descriptor, from: string, onBytes: () => void): TransformStream<Uint8Array, Uint8Array> {
  const algorithm = d.digest.split(':')[0]!;
  const hash = createHash(algorithm);
  let seen = 0;
  return new TransformStream({
    transform(chunk, c) {
      seen += chunk.byteLength;
      if (seen > d.size) throw new ActionError(`${from} sent more than the ${d.size} bytes its manifest gives ${d.digest}`, {});
      hash.update(chunk);
      onBytes();
      c.enqueue(chunk);
    },
    flush() {
      const got = `${algorithm}:${hash.digest('hex')}`;
      if (seen !== d.size || got !== d.digest) {
        throw new ActionError(`${from} served blob ${d.digest} as ${seen} bytes whose digest is ${got}`, {
          fix: 'the source registry (or a proxy in between) does not serve the content that digest names: check it',
        });
      }
    },
  });
}

/** The next `n` bytes of `reader` as a stream of their own (a chunk of a chunked upload); a chunk's overflow waits in `rest`. */
function slice(reader: ReadableStreamDefaultReader<Uint8Array>, n: number, rest: { bytes?: Uint8Array }): ReadableStream<Uint8Array> {
  let left = n;
  return new ReadableStream<Uint8Array>({
    async pull(c) {
      let bytes = rest.bytes;
      rest.bytes = undefined;
      if (!bytes) {
        const r = await reader.read();
        if (r.done) return c.close();
        bytes = r.value;
      }
      if (bytes.byteLength > left) {
        rest.bytes = bytes.subarray(left);
        bytes = bytes.subarray(0, left);
      }
      left -= bytes.byteLength;
      c.enqueue(bytes);
      if (left === 0) c.close();
    },
  });
}
