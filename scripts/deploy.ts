/**
 * `npm run deploy -- --release release/release.json (--preset ID | --policy FILE) --name NAME [--out DIR]`
 * (or `--id ID --base-url URL` instead of `--release`; or `--store chrome-web-store|edge-add-ons --id ID`
 * for the store's listing, whose ID the store gave): the policy files of deploy/ for one
 * organisation, any organisation, pointing at the package the province signed and where it
 * serves it — Linux, Firefox, and Windows `.reg` for Chrome, Edge and Cốc Cốc.
 *
 * The ID must be the package's: with `--release`, the `.crx` named there (beside release.json) is
 * read and its ID checked against release.json; `--crx FILE` checks another one. A mismatch, or an
 * `--id` that disagrees with the release, is refused: a policy for an ID no package has installs
 * nothing, silently. Settings from `--policy` are checked as the extension checks managed
 * settings, and refused with every problem listed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exampleTarget, encode, organisationFiles, presetOrganisation, stores, type DeployTarget, type Organisation, type StoreName } from '../deploy/generate';
import '../lib/policy/messages';
import { presetById, provincePresets } from '../lib/policy/presets';
import { describeIssue, validateSettings } from '../lib/policy/validate';
import { verifiedCrxId } from '../lib/release/crx';
import type { Release } from './release';

export interface DeployOptions {
  release?: string;
  crx?: string;
  id?: string;
  baseUrl?: string;
  store?: string;
  preset?: string;
  policy?: string;
  name: string;
  organisation?: string;
}

const idPattern = /^[a-p]{32}$/;

export function deployTarget({ release, crx, id, baseUrl, store }: Pick<DeployOptions, 'release' | 'crx' | 'id' | 'baseUrl' | 'store'>): DeployTarget {
  if (store !== undefined) {
    // the store signed the package with its own key: its ID is the listing's, and only the store has the package
    if (!(store in stores)) throw new Error(`no store ${store}; there are ${Object.keys(stores).join(', ')}`);
    if (release || crx || baseUrl) throw new Error('--store installs from the store: give --id (the listing\'s ID), not --release, --crx or --base-url');
    if (!id || !idPattern.test(id)) throw new Error(`--store needs --id, the ID the store gave the listing${id ? ` (not an extension ID: ${id})` : ''}`);
    const name = store as StoreName;
    return { id, updateUrl: stores[name].updateUrl, geckoId: exampleTarget.geckoId, store: name, generatedBy: 'npm run deploy' };
  }
  let target: { id: string; updateUrl: string; xpiUrl: string };
  let packageFile = crx;
  if (release) {
    const made = JSON.parse(readFileSync(release, 'utf8')) as Omit<Release, 'firefox'> & Partial<Pick<Release, 'firefox'>>;
    if (id && id !== made.id) throw new Error(`--id ${id} is not the ID of the release (${made.id})`);
    const base = made.updateUrl.replace(/\/update\.xml$/, '');
    target = { id: made.id, updateUrl: made.updateUrl, xpiUrl: made.firefox?.link ?? `${base}/khienthu-${made.version}.xpi` };
    packageFile ??= join(dirname(release), made.crx);
  } else {
    if (!id || !baseUrl) throw new Error('give --release release.json, or both --id and --base-url');
    const base = new URL(baseUrl).toString().replace(/\/+$/, '');
    target = { id, updateUrl: `${base}/update.xml`, xpiUrl: `${base}/khienthu.xpi` };
  }
  if (!idPattern.test(target.id)) throw new Error(`not an extension ID: ${target.id}`);
  if (packageFile) {
    if (!existsSync(packageFile)) throw new Error(`no package at ${packageFile} to check the ID against`);
    const packed = verifiedCrxId(readFileSync(packageFile));
    if (packed !== target.id) throw new Error(`${packageFile} has ID ${packed}, the policy would name ${target.id}: refused`);
  }
  return { ...target, geckoId: exampleTarget.geckoId, generatedBy: 'npm run deploy' };
}

export function deployOrganisation({ preset, policy, organisation }: Pick<DeployOptions, 'preset' | 'policy' | 'organisation'>): Organisation {
  if (preset && policy) throw new Error('give --preset or --policy, not both');
  if (preset) {
    const found = presetById(preset);
    if (!found) throw new Error(`no preset ${preset}; there are ${provincePresets.map((p) => p.id).join(', ')}`);
    const base = presetOrganisation(found);
    return organisation ? { ...base, name: organisation } : base;
  }
  if (!policy) throw new Error('give --preset ID or --policy FILE (the managed settings, as JSON)');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(policy, 'utf8'));
  } catch (error) {
    throw new Error(`${policy} is not JSON: ${(error as Error).message}`);
  }
  const { settings, issues } = validateSettings(raw, 'managed');
  if (issues.length > 0) throw new Error(`${policy} has settings the extension would refuse:\n${issues.map((issue) => `- ${describeIssue(issue, 'en')}`).join('\n')}`);
  const name = organisation ?? (typeof settings.organisationName === 'string' ? settings.organisationName : '');
  if (!name) throw new Error('name the organisation: --organisation, or organisationName in the policy');
  return { name, policy: raw as Record<string, unknown> };
}

/** Writes the files; returns their paths. */
export function deploy(options: DeployOptions, outDir: string): string[] {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(options.name)) throw new Error(`--name must be lower-case letters, digits and dashes (it names the files): ${options.name}`);
  const target = deployTarget(options);
  const organisation = deployOrganisation(options);
  const written: string[] = [];
  for (const [path, text] of organisationFiles(options.name, organisation, target)) {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, encode(path, text));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const { values } = parseArgs({
      options: Object.fromEntries(['release', 'crx', 'id', 'base-url', 'store', 'preset', 'policy', 'name', 'organisation', 'out'].map((key) => [key, { type: 'string' as const }])),
    });
    if (!values.name) throw new Error('--name is required (it names the files: linux/<name>.json, …)');
    const written = deploy(
      {
        release: values.release,
        crx: values.crx,
        id: values.id,
        baseUrl: values['base-url'],
        store: values.store,
        preset: values.preset,
        policy: values.policy,
        name: values.name,
        organisation: values.organisation,
      },
      resolve(values.out ?? 'deploy-out'),
    );
    for (const file of written) console.log(file);
  } catch (error) {
    console.error(`deploy: ${(error as Error).message}`);
    process.exit(1);
  }
}
