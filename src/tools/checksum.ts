/** sha256 of a download, the published checksum files it may be checked against, and npm's SRI integrity. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function fileDigest(file: string, algorithm: 'sha256' | 'sha512'): Promise<Buffer> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest();
}

/**
 * The sha256 a published checksum file gives for `asset`: a lone hash (`kubectl.sha256`), or
 * `sha256sum` lines `<hash>  [*]<name>` where the name may carry a directory (`_dist/k3d-linux-amd64`).
 */
export function checksumFor(text: string, asset: string): string | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 1 && /^[a-f0-9]{64}$/i.test(lines[0]!)) return lines[0]!.toLowerCase();
  for (const l of lines) {
    const m = /^([a-f0-9]{64})\s+\*?(.+)$/i.exec(l);
    if (m && m[2]!.trim().split('/').pop() === asset) return m[1]!.toLowerCase();
  }
  return undefined;
}

/** `sha512-<base64>` → algorithm and hex, for comparing with fileDigest. */
export function parseIntegrity(integrity: string): { algorithm: 'sha512'; hex: string } {
  const m = /^sha512-([A-Za-z0-9+/]+=*)$/.exec(integrity);
  if (!m) throw new Error(`unsupported integrity ${integrity}`);
  return { algorithm: 'sha512', hex: Buffer.from(m[1]!, 'base64').toString('hex') };
}
