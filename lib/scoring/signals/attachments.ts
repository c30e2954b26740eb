/**
 * Attached files that run, or that open a web page from the disk (HTML, SVG), which the Lào Cai
 * letter warns about ("đính kèm một văn bản tài liệu/tập tin có chứa mã độc").
 */
import type { MailMessage } from '../../mail/types';
import type { ScoringContext } from '../context';
import { archiveExtensions, executableExtensions } from '../lists';
import { originalPhrase, readable } from '../normalize';
import type { Finding } from '../types';

export const attachmentSignalIds = [
  'attachment.executable',
  'attachment.double-extension',
  'attachment.rtlo',
  'attachment.hidden-characters',
  'attachment.html',
  'attachment.disk-image',
  'attachment.archive',
  'attachment.macro-document',
  'attachment.password-given',
  'attachment.config-profile',
] as const;

type AttachmentFindingId = (typeof attachmentSignalIds)[number];

const weights: Record<AttachmentFindingId, number> = {
  'attachment.executable': 50,
  'attachment.double-extension': 60,
  'attachment.rtlo': 60,
  'attachment.hidden-characters': 40,
  'attachment.html': 35,
  'attachment.disk-image': 40,
  'attachment.archive': 10,
  'attachment.macro-document': 25,
  'attachment.password-given': 30,
  'attachment.config-profile': 40,
};

/**
 * "Senha do PDF 123", "Senha PDF: 123", "Use a senha: 123", "mật khẩu giải nén: 2024": a file
 * locked with a password given in the same message is locked against the mail server's virus
 * scanner, not against the reader. Bare text (no diacritics, lower case).
 */
const passwordForFile =
  /\b(senha|password|passwort|contrasena|mot de passe|wachtwoord|mat khau giai nen|mat khau mo (tep|file)|mat khau|ma giai nen)( ((do|da|del|du|de|for|to open|of|cua|mo|giai nen|to unzip|to extract) )?(the |o |a |el |le |la )?(pdf|arquivo|anexo|archivo|adjunto|fichier|piece jointe|file|attachment|tep|tai lieu|document|documento|zip|rar|tep nen))?( de acesso| de abertura| d'ouverture)?( e| is| est| es| la)?:? ?\d{3,8}\b/;

const htmlExtensions = new Set(['htm', 'html', 'shtml', 'xhtml', 'xht', 'svg', 'svgz', 'mht', 'mhtml', 'hta']);
const diskImageExtensions = new Set(['iso', 'img', 'vhd', 'vhdx', 'dmg', 'udf']);
/**
 * Only the macro-enabled formats: plain .doc/.docx/.xls/.xlsx (in the shared macro list) are the
 * daily paperwork of every provincial office and would drown the signal.
 */
const macroEnabledExtensions = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'xlsb', 'xlam', 'xla', 'xlm', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm']);
/**
 * A configuration profile installs settings when opened: on an iPhone or a Mac a mail account, a
 * VPN, a root certificate that reads every HTTPS page (`.mobileconfig`); on Windows a provisioning
 * package (`.ppkg`). No colleague sends one; the lures of the honeypot carry three at a time.
 */
const configProfileExtensions = new Set(['mobileconfig', 'ppkg']);
/** Extensions a double-extension disguise pretends to be. */
const decoyExtensions = new Set(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'rtf', 'jpg', 'jpeg', 'png', 'gif', 'zip', 'rar', 'odt', 'csv', 'mp4', 'mp3']);
const htmlContentTypes = /^(text\/html|application\/xhtml\+xml|image\/svg\+xml)\b/i;
const executableContentTypes = /^application\/(x-msdownload|x-msdos-program|x-ms-installer|x-dosexec|vnd\.microsoft\.portable-executable|x-sh|javascript|x-javascript|hta)\b/i;

/** The extensions of a name, last first; Windows ignores trailing dots and spaces. */
function extensionsOf(filename: string): string[] {
  const cleaned = filename.toLowerCase().replace(/[\s.]+$/, '');
  return cleaned.split('.').slice(1).reverse().map((e) => e.trim());
}

/**
 * Characters that show nothing and only split a name ("reviewdocument_txtid$0541293\u034f\u034f.pdf"):
 * a scanner that matches file names, or a person who copies one, sees another name than the one
 * shown. Zero-width joiners and the direction marks are left out: Persian, Arabic and Indic names
 * and emoji need them.
 */
const invisibleInName = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060-\u2064\u3164\ufeff\uffa0]/;

function classify(filename: string, contentType: string): AttachmentFindingId | undefined {
  if (/[\u202a-\u202e\u2066-\u2069]/.test(filename)) return 'attachment.rtlo';
  const [last = '', previous = ''] = extensionsOf(filename);
  const executables = executableExtensions();
  if (executables.has(last) && decoyExtensions.has(previous)) return 'attachment.double-extension';
  // Disk images are in the shared "suspicious" list too; they get their own, clearer reason.
  if (diskImageExtensions.has(last)) return 'attachment.disk-image';
  if (executables.has(last) || executableContentTypes.test(contentType)) return 'attachment.executable';
  if (htmlExtensions.has(last) || htmlContentTypes.test(contentType)) return 'attachment.html';
  if (configProfileExtensions.has(last) || /^application\/x-apple-aspen-config\b/i.test(contentType)) return 'attachment.config-profile';
  if (macroEnabledExtensions.has(last)) return 'attachment.macro-document';
  if (archiveExtensions().has(last)) return 'attachment.archive';
  if (invisibleInName.test(filename)) return 'attachment.hidden-characters';
  return undefined;
}

export function attachmentSignals(message: MailMessage, context: ScoringContext): Finding[] {
  const byId = new Map<AttachmentFindingId, string[]>();
  for (const attachment of message.attachments) {
    const id = classify(attachment.filename.slice(0, 1000), attachment.contentType ?? '');
    if (!id) continue;
    const names = byId.get(id) ?? [];
    if (names.length < 3) names.push(readable(attachment.filename) || attachment.contentType || '?');
    byId.set(id, names);
  }
  if (message.attachments.length > 0) {
    const given = passwordForFile.exec(context.text.bare.slice(0, 100_000));
    if (given) byId.set('attachment.password-given', [originalPhrase(context.text, given.index, given.index + given[0].length) || given[0]]);
  }
  return [...byId].map(([id, evidence]) => ({ id, category: 'attachment', weight: weights[id], evidence }));
}

/** Attachments serious enough that a message carrying one is never "just quoting a lure". */
export function isRiskyAttachmentFinding(finding: Finding): boolean {
  return finding.category === 'attachment' && finding.id !== 'attachment.archive';
}
