/**
 * A real webmail on loopback: Dovecot (IMAP, Maildir, the user and any extra mailboxes) and Debian's Roundcube served by
 * `php -S`, each with its own configuration in a fresh temporary folder — nothing under /etc is
 * changed. Used by the end-to-end tests and by `npm run demo`; `stop()` ends both servers and
 * removes the folder.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export type RoundcubeSkin = 'elastic' | 'larry';

export interface LabOptions {
  /** The organisation's mail domain; the user logs in as `user` and is `user@domain`. */
  domain?: string;
  skin?: RoundcubeSkin;
  /** `.eml` files delivered to the INBOX before Roundcube starts, in this order. */
  messages?: string[];
  /** More mailboxes on the same Dovecot (a help desk's `hotro`, say): name → password. */
  extraUsers?: Record<string, string>;
  /** Roundcube's `smtp_host` (`localhost:2525`); empty (no sending) by default. */
  smtpHost?: string;
}

export interface WebmailLab {
  /** `http://127.0.0.1:<port>`; browsers reach it under a mapped host name on the same port. */
  localUrl: string;
  port: number;
  user: string;
  password: string;
  domain: string;
  dir: string;
  /** Dovecot's plain IMAP port on 127.0.0.1 (no TLS), for tests that read a mailbox directly. */
  imapPort: number;
  /** Drops an `.eml` file into a folder's Maildir (`new/`), as a delivery agent would. */
  deliver(emlPath: string, folder?: string): void;
  /** The same, into another mailbox of `extraUsers`. */
  deliverTo(mailbox: string, emlPath: string, folder?: string): void;
  /** Where a mailbox's Maildir is on disk (read-only use: Sent copies, moved originals). */
  maildir(mailbox?: string): string;
  /**
   * Makes Roundcube show a fault the next `times` times it could (tests/lab/roundcube-router.php):
   * a compose set up late (`delayMs`), or a compose lost from the session. `undo()` ends it early.
   */
  fault(name: LabFault, times: number, settings?: { delayMs?: number }): LabFaultHandle;
  /** The end of what PHP wrote to stderr and of Roundcube's own error log, for a failed test to print. */
  log(): string;
  stop(): Promise<void>;
}

export type LabFault = 'late-compose-init' | 'lose-compose';

export interface LabFaultHandle {
  /** How often Roundcube showed it so far. */
  served(): number;
  undo(): void;
}

const ROUNDCUBE = '/var/lib/roundcube';
const router = fileURLToPath(new URL('./roundcube-router.php', import.meta.url));
const MAIL_USER = 'vmail';

export async function startLab(options: LabOptions = {}): Promise<WebmailLab> {
  const domain = options.domain ?? 'laichau.gov.vn';
  const skin = options.skin ?? 'elastic';
  const user = 'canbo';
  const password = 'matkhau-thu-nghiem';
  const dir = mkdtempSync(join(tmpdir(), 'khienthu-lab-'));
  // Dovecot's auth runs as `dovecot` and must traverse the folder; mkdtemp makes it 0700.
  chmodSync(dir, 0o755);
  ensureMailUser();

  const [imapPort, httpPort] = await Promise.all([freePort(), freePort()]);
  const users: Record<string, string> = { ...options.extraUsers, [user]: password };
  const maildirOf = (mailbox = user) => join(dir, 'mail', mailbox, 'Maildir');
  for (const mailbox of Object.keys(users)) {
    for (const folder of ['', '.Sent', '.Drafts', '.Trash', '.Junk']) {
      for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildirOf(mailbox), folder, sub), { recursive: true });
    }
    writeFileSync(join(maildirOf(mailbox), 'subscriptions'), 'Sent\nDrafts\nTrash\nJunk\n');
  }
  let sequence = 0;
  let indexMaildir = (_mailbox: string) => {};
  const deliverTo = (mailbox: string, emlPath: string, folder = '') => {
    if (!(mailbox in users)) throw new Error(`no mailbox ${mailbox} in this lab`);
    sequence += 1;
    const target = join(maildirOf(mailbox), folder && `.${folder}`, 'new', `${Date.now()}.K${sequence}P${process.pid}.${basename(emlPath)}`);
    copyFileSync(emlPath, target);
    execFileSync('chown', ['-R', `${MAIL_USER}:${MAIL_USER}`, join(dir, 'mail')]);
    indexMaildir(mailbox);
  };
  const deliver = (emlPath: string, folder = '') => deliverTo(user, emlPath, folder);
  for (const message of options.messages ?? []) deliver(message);
  execFileSync('chown', ['-R', `${MAIL_USER}:${MAIL_USER}`, join(dir, 'mail')]);

  const dovecotConf = join(dir, 'dovecot.conf');
  mkdirSync(join(dir, 'dovecot-run'));
  const passwd = Object.entries(users).map(([name, secret]) => `${name}:{PLAIN}${secret}\n`);
  writeFileSync(join(dir, 'dovecot-users'), passwd.join(''));
  writeFileSync(
    dovecotConf,
    `protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_username_format = %Ln
base_dir = ${dir}/dovecot-run
state_dir = ${dir}/dovecot-run
log_path = ${dir}/dovecot.log
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/dovecot-users
}
userdb {
  driver = static
  args = uid=${MAIL_USER} gid=${MAIL_USER} home=${dir}/mail/%u
}
`,
  );
  execFileSync('dovecot', ['-c', dovecotConf], { stdio: ['ignore', 'ignore', 'inherit'] });
  // Index the Maildir before Roundcube reads it, and after every later delivery: when two IMAP
  // sessions (the list and the unread count) are the first to open new mail at once, one of them
  // can see the folder empty.
  indexMaildir = (mailbox: string) => {
    execFileSync('doveadm', ['-c', dovecotConf, 'force-resync', '-u', mailbox, '*'], { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  for (const mailbox of Object.keys(users)) indexMaildir(mailbox);

  const configDir = join(dir, 'roundcube-config');
  for (const sub of ['', 'temp', 'logs']) mkdirSync(join(configDir, sub), { recursive: true });
  for (const file of ['defaults.inc.php', 'mimetypes.php']) symlinkSync(`/etc/roundcube/${file}`, join(configDir, file));
  const database = join(dir, 'roundcube.sqlite');
  execFileSync('php', [
    '-r',
    '$db = new PDO("sqlite:" . $argv[1]); $db->exec(file_get_contents($argv[2]));',
    database,
    `${ROUNDCUBE}/SQL/sqlite.initial.sql`,
  ]);
  writeFileSync(
    join(configDir, 'config.inc.php'),
    `<?php
$config = [];
$config['db_dsnw'] = 'sqlite:///${database}?mode=0640';
$config['imap_host'] = 'localhost:${imapPort}';
$config['smtp_host'] = '${options.smtpHost ?? ''}';
$config['smtp_user'] = '';
$config['smtp_pass'] = '';
$config['username_domain'] = '${domain}';
$config['mail_domain'] = '${domain}';
$config['des_key'] = '${randomBytes(12).toString('hex')}';
$config['product_name'] = 'Thư điện tử công vụ';
$config['skin'] = '${skin}';
$config['plugins'] = [];
$config['language'] = 'vi_VN';
$config['enable_spellcheck'] = false;
$config['enable_installer'] = false;
$config['temp_dir'] = '${configDir}/temp/';
$config['log_dir'] = '${configDir}/logs/';
$config['check_all_folders'] = false;
`,
  );

  const faultsFile = join(dir, 'faults.json');
  writeFileSync(faultsFile, '{}');
  const readFaults = (): Record<string, { left: number; served: number; delayMs?: number }> => JSON.parse(readFileSync(faultsFile, 'utf8') || '{}');
  const php = spawn('php', ['-S', `127.0.0.1:${httpPort}`, '-t', `${ROUNDCUBE}/public_html`, router], {
    env: { ...process.env, ROUNDCUBE_CONFIG_DIR: configDir, PHP_CLI_SERVER_WORKERS: '4', KHIENTHU_LAB_FAULTS: faultsFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const phpLog: string[] = [];
  php.stderr?.on('data', (chunk: Buffer) => phpLog.push(chunk.toString()));

  const localUrl = `http://127.0.0.1:${httpPort}`;
  const lab: WebmailLab = {
    localUrl,
    port: httpPort,
    user,
    password,
    domain,
    dir,
    imapPort,
    deliver,
    deliverTo,
    maildir: maildirOf,
    fault: (name, times, settings = {}) => {
      // written whole while no request takes it: the router reads and counts under a lock
      writeFileSync(faultsFile, JSON.stringify({ ...readFaults(), [name]: { left: times, served: 0, ...settings } }));
      return {
        served: () => readFaults()[name]?.served ?? 0,
        undo: () => {
          const faults = readFaults();
          if (faults[name]) writeFileSync(faultsFile, JSON.stringify({ ...faults, [name]: { ...faults[name], left: 0 } }));
        },
      };
    },
    log: () => {
      let errors = '';
      try {
        errors = readFileSync(join(configDir, 'logs', 'errors.log'), 'utf8');
      } catch {
        // no error logged
      }
      return `PHP stderr:\n${phpLog.join('').slice(-6000)}\nRoundcube errors.log:\n${errors.slice(-4000)}`;
    },
    stop: async () => {
      await stopProcessGroup(php);
      try {
        execFileSync('dovecot', ['-c', dovecotConf, 'stop'], { stdio: 'ignore' });
      } catch {
        // already stopped
      }
      await waitFor(() => !isListening(imapPort), 5_000).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitFor(async () => (await fetch(localUrl).catch(() => undefined))?.ok === true, 15_000);
  } catch (error) {
    await lab.stop();
    throw new Error(`Roundcube did not come up on ${localUrl}: ${phpLog.join('').slice(-2000)}`, { cause: error });
  }
  return lab;
}

function ensureMailUser(): void {
  try {
    execFileSync('id', [MAIL_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', MAIL_USER]);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isListening(port: number): boolean {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  return readFileSync('/proc/net/tcp', 'utf8').split('\n').some((line) => line.includes(hex) && line.includes(' 0A '));
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** Polls a condition until it holds; the lab's only waiting, bounded by `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
