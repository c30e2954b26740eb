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
    ['login.html', 'attachment.html'],
    ['scan.SVG', 'attachment.html'],
    ['document.iso', 'attachment.disk-image'],
    ['data.vhd', 'attachment.disk-image'],
    ['budget.xlsm', 'attachment.macro-document'],
    ['files.zip', 'attachment.archive'],
    ['files.rar', 'attachment.archive'],
  ])('%s → %s', (filename, id) => {
    expect(ids(attachmentFindings([{ filename }]))).toEqual([id]);
  });

  it('leaves everyday office documents alone', () => {
    expect(attachmentFindings([{ filename: 'Cong van 123.pdf' }, { filename: 'Bao cao.docx' }, { filename: 'So lieu.xlsx' }, { filename: 'Anh.jpg' }])).toEqual([]);
  });

  it('uses the content type when the name says nothing', () => {
    expect(ids(attachmentFindings([{ filename: 'file', contentType: 'text/html; charset=utf-8' }]))).toEqual(['attachment.html']);
    expect(ids(attachmentFindings([{ filename: 'file', contentType: 'application/x-msdownload' }]))).toEqual(['attachment.executable']);
  });

  it('groups attachments of one kind into one finding', () => {
    const findings = attachmentFindings([{ filename: 'a.exe' }, { filename: 'b.exe' }, { filename: 'c.exe' }, { filename: 'd.exe' }]);
    expect(findings).toEqual([{ id: 'attachment.executable', category: 'attachment', weight: 50, evidence: ['a.exe', 'b.exe', 'c.exe'] }]);
  });
});
