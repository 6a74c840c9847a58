/**
 * A path into sindri.yaml (`['deployment', 'image_config', 'digest']`, `['secrets', 2, 'name']`) and
 * its dotted name. Pure and without the YAML parser, so the settings readers of every provider and the
 * tool needs can name a field without loading the document module (docs/adr/0050, start-up).
 */
export type ConfigPath = readonly (string | number)[];

/** `deployment.image_config.digest`, `secrets[2].name` */
export function fieldOf(path: ConfigPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}
