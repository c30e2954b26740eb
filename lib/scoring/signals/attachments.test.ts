import { describe, expect, it } from 'vitest';
import { contextFor, ids, message } from '../../../tests/unit/scoring/helpers';
import type { MailAttachment } from '../../mail/types';
import { attachmentSignals } from './attachments';

function attachmentFindings(attachments: MailAttachment[]) {
  const msg = message({ attachments });
  return attachmentSignals(msg, contextFor(msg));
}

describe('attachmentSignals', () => {
  it.each([
    ['setup.exe', 'attachment.executable'],
    ['invoice.js', 'attachment.executable'],
    ['run.VBS', 'attachment.executable'],
    ['shortcut.lnk', 'attachment.executable'],
    ['Cong van.pdf.exe', 'attachment.double-extension'],
    ['Quyet dinh.docx.scr', 'attachment.double-extension'],
    ['report.exe. . ', 'attachment.executable'],
    ['invoice\u202Efdp.exe', 'attachment.rtlo'],
    ['reviewdocument_txtid$0541293\u034F\u034F.pdf', 'attachment.hidden-characters'],
    ['Bao\u200Bcao.docx', 'attachment.hidden-characters'],
    ['login.html', 'attachment.html'],
    ['scan.SVG', 'attachment.html'],
    ['document.iso', 'attachment.disk-image'],
    ['data.vhd', 'attachment.disk-image'],
    ['email-microsoft.mobileconfig', 'attachment.config-profile'],
    ['trustwallet.MOBILECONFIG', 'attachment.config-profile'],
    ['setup.ppkg', 'attachment.config-profile'],
    ['budget.xlsm', 'attachment.macro-document'],
    ['files.zip', 'attachment.archive'],
    ['files.rar', 'attachment.archive'],
  ])('%s → %s', (filename, id) => {
    expect(ids(attachmentFindings([{ filename }]))).toEqual([id]);
  });

  it('leaves everyday office documents alone', () => {
    expect(attachmentFindings([{ filename: 'Cong van 123.pdf' }, { filename: 'Bao cao.docx' }, { filename: 'So lieu.xlsx' }, { filename: 'Anh.jpg' }])).toEqual([]);
    // the zero-width non-joiner belongs to Persian spelling ("نامه‌ها")
    expect(attachmentFindings([{ filename: 'نامه\u200Cها.pdf' }])).toEqual([]);
  });

  it('uses the content type when the name says nothing', () => {
    expect(ids(attachmentFindings([{ filename: 'file', contentType: 'text/html; charset=utf-8' }]))).toEqual(['attachment.html']);
    expect(ids(attachmentFindings([{ filename: 'file', contentType: 'application/x-msdownload' }]))).toEqual(['attachment.executable']);
    expect(ids(attachmentFindings([{ filename: 'profile', contentType: 'application/x-apple-aspen-config' }]))).toEqual(['attachment.config-profile']);
  });

  it('groups attachments of one kind into one finding', () => {
    const findings = attachmentFindings([{ filename: 'a.exe' }, { filename: 'b.exe' }, { filename: 'c.exe' }, { filename: 'd.exe' }]);
    expect(findings).toEqual([{ id: 'attachment.executable', category: 'attachment', weight: 50, evidence: ['a.exe', 'b.exe', 'c.exe'] }]);
  });
});

describe('a password for the attachment given in the same message', () => {
  const pdf: MailAttachment = { filename: 'SALDOPONTUACAO.pdf', contentType: 'application/pdf', size: 1000 };
  function findings(text: string, attachments: MailAttachment[] = [pdf]) {
    const msg = message({ text, attachments });
    return attachmentSignals(msg, contextFor(msg));
  }

  it('flags "Senha do PDF 123", "Use a senha: 123", "mật khẩu giải nén: 2024" when a file is attached', () => {
    expect(ids(findings('Siga as instruções em anexo. Senha do PDF 123 Protocolo: 2406'))).toEqual(['attachment.password-given']);
    expect(ids(findings('Veja no arquivo em anexo como realizar a liberação. Use a senha: 123'))).toEqual(['attachment.password-given']);
    expect(ids(findings('Anh chị mở tệp đính kèm, mật khẩu giải nén: 2024'))).toEqual(['attachment.password-given']);
    expect(findings('Senha do PDF 123')[0]?.evidence).toEqual(['Senha do PDF 123']);
    expect(findings('Veja como solicitar crédito em conta no PDF em anexo | Senha PDF: 123')[0]?.evidence).toEqual(['Senha PDF: 123']);
  });

  it('says nothing without an attachment, or without a password to hand', () => {
    expect(findings('Use a senha: 123', [])).toEqual([]);
    expect(findings('Mật khẩu phải có ít nhất 8 ký tự; đổi mật khẩu 90 ngày một lần.')).toEqual([]);
  });
});
