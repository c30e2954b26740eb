import { describe, expect, it } from 'vitest';
import { contextFor, ids, message } from '../../../tests/unit/scoring/helpers';
import type { MailHeader } from '../../mail/types';
import { headerSignals } from './headers';

function headerFindings(headers: MailHeader[] | undefined) {
  const msg = message(headers ? { headers } : {});
  return headerSignals(msg, contextFor(msg));
}

describe('headerSignals', () => {
  it('flags SPF, DKIM and DMARC failures in Authentication-Results', () => {
    const findings = headerFindings([
      { key: 'authentication-results', value: 'mail.laocai.gov.vn; spf=fail smtp.mailfrom=x.org; dkim=fail header.d=x.org; dmarc=fail (p=none) header.from=laocai.gov.vn' },
    ]);
    expect(ids(findings)).toEqual(['header.dkim-fail', 'header.dmarc-fail', 'header.spf-fail']);
    expect(findings.find((f) => f.id === 'header.dmarc-fail')?.evidence).toEqual(['dmarc=fail']);
  });

  it('says nothing when authentication passes', () => {
    expect(headerFindings([{ key: 'authentication-results', value: 'mx; spf=pass; dkim=pass; dmarc=pass' }])).toEqual([]);
  });

  it('reads the spam filter verdicts', () => {
    expect(ids(headerFindings([{ key: 'x-spam-status', value: 'Yes, score=12.3 required=5.0' }]))).toEqual(['header.spam-flag']);
    expect(ids(headerFindings([{ key: 'x-spam-flag', value: 'YES' }]))).toEqual(['header.spam-flag']);
    expect(ids(headerFindings([{ key: 'x-spamd-result', value: 'default: True [15.20 / 15.00]' }]))).toEqual(['header.spam-flag']);
    expect(headerFindings([{ key: 'x-spam-status', value: 'No, score=0.1' }])).toEqual([]);
  });

  it('flags a From that lists several mailboxes, not a quoted name with a comma', () => {
    const findings = headerFindings([{ key: 'from', value: 'Fedex entrega  ,<renew@top1lithiumbattery.cfd>' }]);
    expect(ids(findings)).toEqual(['header.malformed-from']);
    expect(findings[0]?.evidence).toEqual(['Fedex entrega ,<renew@top1lithiumbattery.cfd>']);
    expect(ids(headerFindings([{ key: 'from', value: 'a@x.org, b@y.org' }]))).toEqual(['header.malformed-from']);
    expect(headerFindings([{ key: 'from', value: '"Nguyễn, Văn A" <a@laichau.gov.vn>' }])).toEqual([]);
    expect(headerFindings([{ key: 'from', value: 'Phòng CNTT <cntt@laichau.gov.vn>' }])).toEqual([]);
  });

  it('flags an address quoted whole inside the angle brackets, empty brackets or an address in a comment, not a quoted local part or a name in a comment', () => {
    expect(ids(headerFindings([{ key: 'from', value: '"iCloud heeft limiet bereikt" <"noreply@icloud.nl">' }]))).toEqual(['header.malformed-from']);
    expect(ids(headerFindings([{ key: 'from', value: 'letzte Mitteilung < "support@cloud.de" >' }]))).toEqual(['header.malformed-from']);
    expect(headerFindings([{ key: 'from', value: '"Văn thư" <"van.thu"@laichau.gov.vn>' }])).toEqual([]);
    expect(ids(headerFindings([{ key: 'from', value: '"Mr. Richard" <>' }]))).toEqual(['header.malformed-from']);
    expect(ids(headerFindings([{ key: 'from', value: 'TotalAV (<info@Antivirus.de>)' }]))).toEqual(['header.malformed-from']);
    expect(headerFindings([{ key: 'from', value: 'cntt@laichau.gov.vn (Phòng CNTT)' }])).toEqual([]);
    expect(headerFindings([{ key: 'from', value: '"a@b.vn" <a@b.vn>' }])).toEqual([]);
  });

  it('does nothing without headers (a message read from the DOM)', () => {
    expect(headerFindings(undefined)).toEqual([]);
  });
});
