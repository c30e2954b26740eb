/** The part of the `crx3` package (npm, CRX3 packer) the release uses; it ships no types. */
declare module 'crx3' {
  interface Crx3Options {
    /** An existing PEM private key (crx3 would make a new one where none is: the release checks first). */
    keyPath: string;
    crxPath: string;
    zipPath?: string;
    xmlPath?: string;
    crxURL?: string;
  }
  /** Packs `files` (their common folder is the package root) into a signed CRX3. */
  export default function crx3(files: string[], options: Crx3Options): Promise<{ appId: string }>;
}
