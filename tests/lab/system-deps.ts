/**
 * Makes sure the Debian packages the end-to-end lab and the demo need are installed: a real
 * Roundcube (with both skins), a real Dovecot IMAP server and Debian's Chromium. Idempotent and
 * quick when everything is there; installs with apt-get (as root) when something is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const required: Record<string, string> = {
  '/usr/bin/chromium': 'chromium',
  '/usr/sbin/dovecot': 'dovecot-imapd',
  '/usr/bin/php': 'php-cgi',
  '/var/lib/roundcube/public_html/index.php': 'roundcube',
  '/var/lib/roundcube/skins/larry': 'roundcube-skin-larry',
};

const packages = [
  'roundcube', 'roundcube-core', 'roundcube-sqlite3', 'roundcube-skin-larry',
  'php-cli', 'php-cgi', 'php-sqlite3', 'dovecot-imapd', 'chromium', 'fonts-liberation',
];

// Answers for roundcube-core's debconf questions, so the install never stops to ask.
const debconf = `roundcube-core roundcube/dbconfig-install boolean false
roundcube-core roundcube/database-type select sqlite3
roundcube-core roundcube/reconfigure-webserver multiselect
roundcube-core roundcube/restart-webserver boolean false
`;

export function missingPackages(): string[] {
  const missing = new Set<string>();
  for (const [path, pkg] of Object.entries(required)) if (!existsSync(path)) missing.add(pkg);
  if (!hasPhpSqlite()) missing.add('php-sqlite3');
  return [...missing];
}

function hasPhpSqlite(): boolean {
  if (!existsSync('/usr/bin/php')) return false;
  try {
    return execFileSync('php', ['-m'], { encoding: 'utf8' }).split('\n').includes('pdo_sqlite');
  } catch {
    return false;
  }
}

export function ensureSystemDeps(): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages (${missing.join(', ')}). Run as root, or install them: apt-get install ${packages.join(' ')}`,
    );
  }
  console.log(`Installing Debian packages for the webmail lab (missing: ${missing.join(', ')})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('debconf-set-selections', { input: debconf, env, stdio: ['pipe', 'inherit', 'inherit'] });
  execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env, stdio: 'inherit' });
  const still = missingPackages();
  if (still.length) throw new Error(`apt-get finished but these are still missing: ${still.join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemDeps();
