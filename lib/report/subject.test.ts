import { describe, expect, it } from 'vitest';
import { reportSubject } from './subject';

describe('reportSubject', () => {
  it('uses the locale’s prefix by default', () => {
    expect(reportSubject({ subjectPrefix: '', outlookPrefix: false }, 'vi', 'Đã vượt quá hạn ngạch')).toBe(
      '[Khiên Thư] Thư nghi giả mạo: Đã vượt quá hạn ngạch',
    );
  });

  it('uses the province’s own prefix when policy sets one', () => {
    expect(reportSubject({ subjectPrefix: '[HOTRO-LAICHAU]', outlookPrefix: false }, 'vi', ' Xác minh tài khoản ')).toBe(
      '[HOTRO-LAICHAU] Xác minh tài khoản',
    );
  });

  it('uses Outlook’s report-phishing form when asked, whatever the prefix', () => {
    expect(reportSubject({ subjectPrefix: '[X]', outlookPrefix: true }, 'en', 'Mailbox full')).toBe('3|Phishing: Mailbox full');
  });
});
