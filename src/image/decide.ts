/**
 * The image priority order (docs/behaviour.md#image-priority-order) as one pure function: config +
 * inputs + what the registry and file system said → the image to deploy (or build) and the reason for
 * every rule, applied or skipped. When a rule needs a fact not yet observed (the tag list, the git
 * revision) it says so, and the caller observes and calls again.
 */
import type { SindriConfig } from '../config/types.js';
import { ActionError, type ErrorLocation } from '../errors.js';
import { CAPABILITIES, type ProviderName } from '../domain.js';
import type { Inputs } from '../inputs.js';
import { formatReference, isValidTag, parseReference, repositoryName, withDefaultTag } from './reference.js';
import { RULES, type ImageChoice, type ImageRef, type ImageSource, type Observations, type TraceStep } from './types.js';

export interface DecideInput {
  inputs: Pick<Inputs, 'image' | 'image-digest' | 'dockerfile' | 'default-image'>;
  config: Pick<SindriConfig, 'name' | 'file' | 'deployment' | 'locate'>;
  provider: ProviderName;
  observed: Observations;
}

export type Decision =
  | { kind: 'choice'; choice: ImageChoice }
  | { kind: 'need-tags'; repository: ImageRef; constraint?: { text: string; where: ErrorLocation } }
  | { kind: 'need-revision' }
  | { kind: 'need-dockerfiles' };

type RuleResult =
  | { applies: false; reason: string }
  | { applies: true; ref: ImageRef; reason: string; dockerfile?: string; version?: ImageChoice['version']; as?: string }
  | { need: Exclude<Decision, { kind: 'choice' }> };

export function decideImage(d: DecideInput): Decision {
  const trace: TraceStep[] = [];
  for (const { rule, source } of RULES) {
    const r = RULE_FNS[source](d);
    if ('need' in r) return r.need;
    if (!r.applies) {
      trace.push({ rule, source, outcome: 'skipped', reason: r.reason });
      continue;
    }
    trace.push({ rule, source, outcome: 'applied', reason: r.reason });
    for (const later of RULES.filter((x) => x.rule > rule)) {
      trace.push({ rule: later.rule, source: later.source, outcome: 'not-reached', reason: `rule ${rule} (${source}) won` });
    }
    const choice: ImageChoice = { source, ref: r.as ?? formatReference(r.ref), parsed: r.ref, trace };
    if (r.dockerfile !== undefined) choice.dockerfile = r.dockerfile;
    if (r.version !== undefined) choice.version = r.version;
    return { kind: 'choice', choice };
  }
  // rule 9 always applies; reaching here is a bug in RULE_FNS
  throw new Error('no image rule applied');
}

function at(d: DecideInput, path: string[]): ErrorLocation {
  const pos = d.config.locate(path);
  return { file: d.config.file, line: pos?.line, column: pos?.column, field: path.join('.') };
}

/** The repository a CI-built digest belongs to: input image, else the config's repository. */
function digestRepository(d: DecideInput): { ref: ImageRef; from: string } | undefined {
  if (d.inputs.image) return { ref: parseReference(d.inputs.image, { field: 'input image' }), from: 'input image' };
  const ic = d.config.deployment.image_config;
  if (ic)
    return {
      ref: parseReference(ic.registry, at(d, ['deployment', 'image_config', 'registry'])),
      from: 'deployment.image_config.registry',
    };
  if (d.config.deployment.image)
    return { ref: parseReference(d.config.deployment.image, at(d, ['deployment', 'image'])), from: 'deployment.image' };
  return undefined;
}

const RULE_FNS: Record<ImageSource, (d: DecideInput) => RuleResult> = {
  'input-digest': (d) => {
    const digest = d.inputs['image-digest'];
    if (!digest) return { applies: false, reason: 'input image-digest is empty' };
    const repo = digestRepository(d);
    if (!repo) {
      throw new ActionError('a digest without a repository', {
        where: { field: 'input image-digest' },
        fix: 'also pass input image (the repository the digest was pushed to, e.g. ghcr.io/owner/app), or set deployment.image_config.registry',
      });
    }
    if (repo.ref.digest && repo.ref.digest !== digest) {
      throw new ActionError(`input image has digest ${repo.ref.digest} but input image-digest is ${digest}`, {
        where: { field: 'input image-digest' },
        fix: 'pass the digest in one input only, or make them equal',
      });
    }
    const ref: ImageRef = { registry: repo.ref.registry, repository: repo.ref.repository, digest };
    return { applies: true, ref, reason: `CI-built digest ${digest} in ${repositoryName(ref)} (repository from ${repo.from})` };
  },
  'input-image': (d) => {
    if (!d.inputs.image) return { applies: false, reason: 'input image is empty' };
    const ref = parseReference(d.inputs.image, { field: 'input image' });
    return { applies: true, ref: withDefaultTag(ref), reason: `input image ${d.inputs.image}` };
  },
  'config-digest': (d) => {
    const ic = d.config.deployment.image_config;
    if (!ic) return { applies: false, reason: 'no deployment.image_config' };
    if (!ic.digest) return { applies: false, reason: 'image_config has no digest' };
    const repo = parseReference(ic.registry, at(d, ['deployment', 'image_config', 'registry']));
    return {
      applies: true,
      ref: { registry: repo.registry, repository: repo.repository, digest: ic.digest },
      reason: `image_config.digest ${ic.digest}`,
    };
  },
  'config-tag': (d) => {
    const ic = d.config.deployment.image_config;
    if (!ic) return { applies: false, reason: 'no deployment.image_config' };
    if (!ic.tag_override) return { applies: false, reason: 'image_config has no tag_override' };
    if (!isValidTag(ic.tag_override)) {
      throw new ActionError(`"${ic.tag_override}" is not a valid tag`, {
        where: at(d, ['deployment', 'image_config', 'tag_override']),
        fix: 'use letters, digits, _ . - (at most 128, not starting with . or -)',
      });
    }
    const repo = parseReference(ic.registry, at(d, ['deployment', 'image_config', 'registry']));
    return {
      applies: true,
      ref: { registry: repo.registry, repository: repo.repository, tag: ic.tag_override },
      reason: `image_config.tag_override ${ic.tag_override}`,
    };
  },
  'config-version': (d) => {
    const ic = d.config.deployment.image_config;
    if (!ic) return { applies: false, reason: 'no deployment.image_config' };
    if (!ic.version) return { applies: false, reason: 'image_config has no version' };
    const base = parseReference(ic.registry, at(d, ['deployment', 'image_config', 'registry']));
    const repo: ImageRef = { registry: base.registry, repository: base.repository };
    const strategy = ic.resolution_strategy;
    if (strategy === 'explicit') {
      if (!isValidTag(ic.version)) {
        throw new ActionError(`resolution_strategy explicit uses version "${ic.version}" as a tag, and it is not a valid tag`, {
          where: at(d, ['deployment', 'image_config', 'version']),
          fix: 'write the exact tag (e.g. 3.0.0), or use resolution_strategy: semver for a range',
        });
      }
      const tag = ic.version;
      return {
        applies: true,
        ref: { ...repo, tag },
        reason: `version "${ic.version}" used as the tag (resolution_strategy explicit)`,
        version: { constraint: ic.version, strategy, tag, candidates: 0 },
      };
    }
    if (d.observed.tags === undefined) {
      // the constraint travels with the request, so a bad one is reported before the tag list is fetched
      if (strategy === 'latest-stable') return { need: { kind: 'need-tags', repository: repo } };
      const where = at(d, ['deployment', 'image_config', 'version']);
      return { need: { kind: 'need-tags', repository: repo, constraint: { text: ic.version, where } } };
    }
    const sel = d.observed.tags.select({
      constraint: ic.version,
      strategy,
      allowPrerelease: ic.allow_prerelease,
      distro: d.config.deployment.distro,
      repository: repositoryName(repo),
      where: at(d, ['deployment', 'image_config', 'version']),
    });
    const how =
      strategy === 'latest-stable'
        ? 'latest stable'
        : `highest matching ${ic.version}${strategy === 'pin-to-cli' ? ' (pin-to-cli treated as semver: the action has no Sindri CLI version)' : ''}`;
    const pre = ic.allow_prerelease ? ', prereleases allowed' : '';
    const distro = d.config.deployment.distro !== 'ubuntu' ? `, -${d.config.deployment.distro} tags only` : '';
    return {
      applies: true,
      ref: { ...repo, tag: sel.tag },
      reason: `${how} of ${sel.candidates} semver tags (${d.observed.tags.tags.length} listed${pre}${distro}) → ${sel.tag}`,
      version: { constraint: ic.version, strategy, tag: sel.tag, candidates: sel.candidates },
    };
  },
  'config-image': (d) => {
    const img = d.config.deployment.image;
    if (!img) return { applies: false, reason: 'no deployment.image' };
    const ref = parseReference(img, at(d, ['deployment', 'image']));
    return { applies: true, ref: withDefaultTag(ref), reason: `deployment.image ${img}` };
  },
  'config-registry': (d) => {
    const ic = d.config.deployment.image_config;
    if (!ic) return { applies: false, reason: 'no deployment.image_config' };
    const ref = parseReference(ic.registry, at(d, ['deployment', 'image_config', 'registry']));
    return {
      applies: true,
      ref: withDefaultTag(ref),
      reason: `image_config.registry with no digest, tag or version → ${ref.tag ?? 'latest'}`,
    };
  },
  dockerfile: (d) => {
    if (d.observed.dockerfiles === undefined) return { need: { kind: 'need-dockerfiles' } };
    const df = d.inputs.dockerfile || d.observed.dockerfiles[0];
    if (!df) return { applies: false, reason: 'no Dockerfile (looked for ./Dockerfile, ./v3/Dockerfile, ./deploy/Dockerfile)' };
    const where = d.inputs.dockerfile ? 'input dockerfile' : 'found';
    const caps = CAPABILITIES[d.provider];
    if (caps.build === 'never') {
      throw new ActionError(`provider ${d.provider} never builds images, and the only image source is a Dockerfile (${df})`, {
        where: { file: d.config.file, field: 'deployment.image' },
        fix: 'build and push the image in CI, then pass it by digest, e.g. `- uses: docker/build-push-action@v6` (id: build, push: true, tags: ghcr.io/OWNER/APP) followed by `- uses: sindri/deploy-action@v1` with `image: ghcr.io/OWNER/APP` and `image-digest: ${{ steps.build.outputs.digest }}`',
      });
    }
    if (d.observed.revision === undefined) return { need: { kind: 'need-revision' } };
    const tag = `${d.config.name}:${d.observed.revision}`; // docs/behaviour.md#built-images: a local name, as `docker images` shows it
    return {
      applies: true,
      ref: parseReference(tag, { field: 'name' }),
      as: tag,
      dockerfile: df,
      reason: `${df} (${where}), built ${caps.build === 'local' ? 'locally' : `by the provider (${caps.build})`} as ${tag}`,
    };
  },
  default: (d) => {
    const ref = parseReference(d.inputs['default-image'], { field: 'input default-image' });
    return { applies: true, ref: withDefaultTag(ref), reason: `nothing else configured: default-image ${d.inputs['default-image']}` };
  },
};
