import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareAddress, freeMailProvider, hostInList, hostInfo, imitatedDomain, imitatedStatePortal, imitatesGovernment, isForeignGovernment, localPart, normalizeDomainEntry, publicDomain, sameOwner, underSuspiciousTld, withinOneEdit } from './domains';

describe('hostInfo', () => {
  it('finds the registrable domain of URLs, hosts and trailing-dot names', () => {
    expect(hostInfo('https://MAIL.LaoCai.gov.vn./?x=1').domain).toBe('laocai.gov.vn');
    expect(hostInfo('upcorss.weebly.com').domain).toBe('weebly.com');
    expect(hostInfo('dls.gov.ua').publicSuffix).toBe('gov.ua');
  });

  it('recognises numeric IPv4 forms browsers accept', () => {
    for (const host of ['http://10.0.0.1/', 'http://167772161/', 'http://0xA000001/', 'http://012.0.0.01/', 'http://[::1]/']) {
      expect(hostInfo(host).isIp, host).toBe(true);
    }
    expect(hostInfo('http://10.0.0.1.nip.io/').isIp).toBe(false);
  });
});

describe('sameOwner', () => {
  it('treats subdomains of one registrable domain as one owner, other provinces as others', () => {
    expect(sameOwner(hostInfo('mail.laocai.gov.vn'), hostInfo('laocai.gov.vn'))).toBe(true);
    expect(sameOwner(hostInfo('laocai.gov.vn'), hostInfo('bacgiang.gov.vn'))).toBe(false);
  });
});

describe('imitatedDomain', () => {
  const organisation = ['laocai.gov.vn'];
  it.each(['laocai-gov.vn', 'laocai.gov.vn.com', 'mail.laocai.gov.vn.evil.net', 'iaocai.gov.vn', 'lao-cai.gov.vn', 'laocal.gov.vn', 'lаocai.gov.vn'])(
    '%s imitates laocai.gov.vn',
    (host) => {
      expect(imitatedDomain(hostInfo(host), organisation)).toBe('laocai.gov.vn');
    },
  );

  it.each(['laocai.gov.vn', 'mail.laocai.gov.vn', 'baolaocai.vn', 'laichau.gov.vn', 'bacgiang.gov.vn', 'dulichlaocai.com'])('%s does not', (host) => {
    expect(imitatedDomain(hostInfo(host), organisation)).toBeUndefined();
  });
});

describe('imitatedStatePortal', () => {
  it.each([
    ['dichvucongs.top', 'dichvucong.gov.vn'],
    ['dichvucongg.top', 'dichvucong.gov.vn'],
    ['www.dichvucong.vip', 'dichvucong.gov.vn'],
    ['dichvucong.gov.vn.thanhtoan.example.com', 'dichvucong.gov.vn'],
    ['vneid.com', 'vneid.gov.vn'],
    ['baohiemxahoii.net', 'baohiemxahoi.gov.vn'],
  ])('%s imitates %s', (host, portal) => {
    expect(imitatedStatePortal(hostInfo(host))).toBe(portal);
  });

  it.each(['dichvucong.gov.vn', 'dichvucong.laocai.gov.vn', 'vneid.gov.vn', 'baohiemxahoi.gov.vn', 'dichvucongchung.vn', 'vnexpress.net', 'bhxh.example.com'])('%s does not', (host) => {
    expect(imitatedStatePortal(hostInfo(host))).toBeUndefined();
  });
});

describe('imitatesGovernment', () => {
  it.each(['mic-gov.vn', 'csgt-gov.vn', 'gov.vn.secure-mail.com', 'mic.gov.vn.com', 'thongbao.gov.vn.secure-login.top', 'gov-vn.info'])('%s spells gov.vn outside gov.vn', (host) => {
    expect(imitatesGovernment(hostInfo(host))).toBe(true);
  });

  it.each(['laocai.gov.vn', 'mail.laocai.gov.vn', 'egov.vn', 'govvn.com', 'baogov.vn', 'vnexpress.net', 'gov.uk'])('%s does not', (host) => {
    expect(imitatesGovernment(hostInfo(host))).toBe(false);
  });
});

describe('isForeignGovernment', () => {
  it('knows foreign government suffixes and leaves .gov.vn out', () => {
    expect(isForeignGovernment(hostInfo('dls.gov.ua'))).toBe(true);
    expect(isForeignGovernment(hostInfo('sat.gob.mx'))).toBe(true);
    expect(isForeignGovernment(hostInfo('irs.gov'))).toBe(true);
    expect(isForeignGovernment(hostInfo('bacgiang.gov.vn'))).toBe(false);
    expect(isForeignGovernment(hostInfo('fundacionhomi.org.co'))).toBe(false);
  });
});

describe('small helpers', () => {
  it('one edit apart: a letter added, dropped or changed', () => {
    expect(withinOneEdit('laocai', 'laocai')).toBe(true);
    expect(withinOneEdit('laocai', 'iaocai')).toBe(true);
    expect(withinOneEdit('dichvucong', 'dichvucongs')).toBe(true);
    expect(withinOneEdit('dichvucong', 'dichvcong')).toBe(true);
    expect(withinOneEdit('laocai', 'laichau')).toBe(false);
    expect(withinOneEdit('laocai', 'aolcai')).toBe(false);
    expect(withinOneEdit('a', 'abcdef')).toBe(false);
  });

  it('one edit apart exactly when the edit distance is at most 1 (property, against the textbook table)', () => {
    const distance = (a: string, b: string) => {
      let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
        previous = current;
      }
      return previous[b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 7 });
    fc.assert(fc.property(word, word, (a, b) => withinOneEdit(a, b) === (distance(a, b) <= 1)));
  });

  it('host lists match a host and its subdomains only', () => {
    const list = new Set(['weebly.com', 'sites.google.com']);
    expect(hostInList('upcorss.weebly.com', list)).toBe('weebly.com');
    expect(hostInList('sites.google.com', list)).toBe('sites.google.com');
    expect(hostInList('google.com', list)).toBeUndefined();
    expect(hostInList('notweebly.com', list)).toBeUndefined();
  });

  it('cleans what admins and headers write', () => {
    expect(normalizeDomainEntry(' *.Evil.Example ')).toBe('evil.example');
    expect(normalizeDomainEntry('@gmail.com')).toBe('gmail.com');
    expect(normalizeDomainEntry('https://bit.ly/')).toBe('bit.ly');
    expect(bareAddress('<Bounce@X.org>')).toBe('bounce@x.org');
  });
});

describe('underSuspiciousTld', () => {
  it('reads a cheap top-level domain, but never a brand’s own domain under one', () => {
    expect(underSuspiciousTld(hostInfo('login-verify.xyz'))).toBe(true);
    expect(underSuspiciousTld(hostInfo('secure.zalo-me.top'))).toBe(true);
    expect(underSuspiciousTld(hostInfo('zalo.me'))).toBe(false);
    expect(underSuspiciousTld(hostInfo('id.zalo.me'))).toBe(false);
    expect(underSuspiciousTld(hostInfo('laocai.gov.vn'))).toBe(false);
  });
});

describe('publicDomain', () => {
  it('takes a name for a web domain only under a suffix of the public list', () => {
    expect(publicDomain(' Ethereum.org ')?.domain).toBe('ethereum.org');
    expect(publicDomain('mail.vnexpress.net')?.domain).toBe('vnexpress.net');
    expect(publicDomain('Node.js')).toBeUndefined();
    expect(publicDomain('localhost')).toBeUndefined();
  });
});

describe('freeMailProvider', () => {
  it("names the provider of a mailbox host, but not of the provider's own list or mailer subdomains", () => {
    expect(freeMailProvider('gmail.com')).toBe('gmail.com');
    expect(freeMailProvider('maine.rr.com')).toBe('rr.com');
    expect(freeMailProvider('groups.msn.com')).toBeUndefined();
    expect(freeMailProvider('reply.yahoo.com')).toBeUndefined();
    expect(freeMailProvider('laocai.gov.vn')).toBeUndefined();
  });
});

describe('localPart', () => {
  it("gives an address's mailbox name, lower-cased, and nothing for a string without an @", () => {
    expect(localPart(' Guterman@MediaUnspun.imakenews.net ')).toBe('guterman');
    expect(localPart('"a@b"@example.com')).toBe('"a@b"');
    expect(localPart('mailer-daemon')).toBe('');
    expect(localPart('')).toBe('');
  });
});
