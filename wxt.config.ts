import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';

/**
 * The public half of the signing key. Chromium derives the extension ID from it, so every build,
 * packed or unpacked, has the ID below and enterprise policy can name it. The private key is not
 * in this repository. `tests/unit/extension-id.test.ts` checks that the two agree.
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAw8wim/tXMg2wccjslw50IZj8L7yExBdPALPaPkjNZwfMjw1OADDkAakCB23J886L/uaUBcrVwnRGPiP4TB1i71dQ3IZ3m27GoLzXf4P6qltgY7cKZT+f5kUPhIx3+QOTrCMWsV7Ii9YcuN4+EZEnAaswGNoqmAxmp0ti+p/4px4WddhP4cA0LVp7HjD2R8uT5HVkzEtBIO5By30lsTQ2xepXk0M6ZkTXh9OYvrY2CdczY8v/mB9rh9QaVpxmNBukwaaXzZayC2+AMCnH08WnmrJDTdAcIBJlIu8qkBOaSU3FTynhqgQ0JtzZJHZi/Ilx7So79wGZINAlGbQWICksYQIDAQAB';
export const EXTENSION_ID = 'cmgnlhehkifmedpladobdjifchgokcpc';
export const GECKO_ID = 'khienthu@khienthu.vn';

/**
 * What `npm run release` (scripts/release.ts) sets for a signed build: the public half of the key
 * the package is signed with (its ID is the package's ID), where browsers look for updates, and the
 * version. Unset in every other build.
 */
const release = {
  publicKey: process.env.KHIENTHU_PUBLIC_KEY,
  updateUrl: process.env.KHIENTHU_UPDATE_URL,
  geckoUpdateUrl: process.env.KHIENTHU_GECKO_UPDATE_URL,
  version: process.env.KHIENTHU_VERSION,
};

export default defineConfig({
  // Another folder for builds that must not disturb .output/ (e.g. two test runs side by side).
  outDir: process.env.KHIENTHU_OUTDIR ?? '.output',
  // The background worker carries the free-mail and hosting lists (~1 MB): loaded once, on purpose.
  vite: () => ({ build: { chunkSizeWarningLimit: 1500 } }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    ...(release.version && { version: release.version }),
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // storage: managed policy and the user's options; scripting: the content script for webmail
    // hosts an admin names outside *.gov.vn, once the user grants the optional host permission.
    permissions: ['storage', 'scripting'],
    // MV2 (Firefox) has no optional_host_permissions: origins go with the optional permissions.
    ...(manifestVersion === 2 ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '115.0', ...(release.geckoUpdateUrl && { update_url: release.geckoUpdateUrl }) } } }
      : {
          key: release.publicKey ?? EXTENSION_PUBLIC_KEY,
          ...(release.updateUrl && { update_url: release.updateUrl }),
          // Firefox has no schema key: it reads policies.json `3rdparty.Extensions.<id>` as is.
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
  hooks: {
    // The content script runs in every frame of every webmail page, within an 80 KB gzip budget
    // that React DOM alone (~60 KB) would nearly fill. There the same React components are
    // rendered by preact/compat (~10 KB); the popup and the options page keep React itself.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
      const compat = [
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
        { find: /^react$/, replacement: 'preact/compat' },
      ];
      const existing = viteConfig.resolve?.alias;
      viteConfig.resolve ??= {};
      viteConfig.resolve.alias = [
        ...compat,
        ...(Array.isArray(existing)
          ? existing
          : Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }))),
      ];
    },
    // The banner's stylesheet is fetched into its shadow root: webmail hosts registered at run
    // time (outside *.gov.vn) must be able to load it too. The dynamic URL keeps it unguessable.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.manifestVersion !== 3) return;
      for (const entry of manifest.web_accessible_resources ?? []) {
        if (typeof entry === 'object' && entry.resources.includes('content-scripts/webmail.css')) entry.matches = ['*://*/*'];
      }
    },
    // The manifest's name and description come from the same locale files as every other string.
    'build:publicAssets': (_wxt, files) => {
      for (const locale of ['vi', 'en']) {
        const ui = JSON.parse(readFileSync(`locales/${locale}/ui.json`, 'utf8')) as Record<string, string>;
        const messages = Object.fromEntries(
          ['extName', 'extDescription'].map((key) => [key, { message: ui[key] ?? key }]),
        );
        files.push({ relativeDest: `_locales/${locale}/messages.json`, contents: JSON.stringify(messages, null, 2) });
      }
    },
  },
});
