/**
 * The shared fact lists (sublime-security/static-files, see data/SOURCE.md) as Sets, each built
 * on first use and kept: scoring runs in the background worker, so the cost is paid once.
 */
import * as data from './data/lists';

function lazySet(source: string): () => ReadonlySet<string> {
  let set: Set<string> | undefined;
  return () => (set ??= new Set(source.split('\n')));
}

export const freeEmailProviders = lazySet(data.freeEmailProviders);
export const disposableEmailProviders = lazySet(data.disposableEmailProviders);
/** Site builders and free subdomain hosting: anyone can publish a login page there in minutes. */
export const freeSiteHosts = lazySet(`${data.freeSubdomainHosts}\n${data.selfServiceCreationPlatformDomains}\n${data.khienthuFreeHosts}`);
export const freeFileHosts = lazySet(data.freeFileHosts);
export const urlShorteners = lazySet(data.urlShorteners);
export const suspiciousTlds = lazySet(data.suspiciousTlds);
export const executableExtensions = lazySet(`${data.fileExtensionsExecutables}\n${data.fileExtensionsSuspicious}`);
export const macroExtensions = lazySet(data.fileExtensionsMacros);
export const archiveExtensions = lazySet(data.fileExtensionsCommonArchives);
