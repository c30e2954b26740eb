import { describe, expect, it } from 'vitest';
import { contextFor, ids, message, policy } from '../../tests/unit/scoring/helpers';
import { brandNamed } from './brands';
import { senderSignals } from './signals/sender';

function brandFindings(name: string, address: string) {
  const msg = message({ from: { name, address } });
  return ids(senderSignals(msg, contextFor(msg, policy('laocai.gov.vn')))).filter((id) => id === 'sender.brand-name');
}

describe('brandNamed', () => {
  it('finds a service named as a whole word of a bare display name', () => {
    expect(brandNamed('metamask support')?.domains).toContain('metamask.io');
    expect(brandNamed('microsoft account team')?.domains).toContain('microsoft.com');
    expect(brandNamed('thong bao tu vietcombank')?.domains).toContain('vietcombank.com.vn');
    expect(brandNamed('[bb] - comunicado ao cliente - cod. 37165178664887')?.domains).toContain('bb.com.br');
    expect(brandNamed('informa bb: conta bloqueada')?.domains).toContain('bb.com.br');
  });

  it('prefers the longer name and ignores names inside other words', () => {
    expect(brandNamed('mercado pago')?.domains).toContain('mercadopago.com.br');
    expect(brandNamed('metadata team')).toBeUndefined();
    expect(brandNamed('groups of users')).toBeUndefined();
    expect(brandNamed('bbc news')).toBeUndefined();
    expect(brandNamed('nguyen van an')).toBeUndefined();
  });
});

describe('sender.brand-name', () => {
  it("fires on a brand's name on another owner's address", () => {
    expect(brandFindings('MetaMask Support', 'no-reply@mymts.net')).toEqual(['sender.brand-name']);
    expect(brandFindings('Vietcombank', 'thongbao@vcb-online.top')).toEqual(['sender.brand-name']);
    // a "note from GitHub Trust & Safety" about a repository, from a domain GitHub never sends from
    expect(brandFindings('GitHub', 'support@githubsupport.com')).toEqual(['sender.brand-name']);
  });

  it("says nothing on the brand's own domains and their subdomains", () => {
    expect(brandFindings('PayPal', 'service@paypal.com')).toEqual([]);
    expect(brandFindings('GitHub', 'noreply@github.com')).toEqual([]);
    expect(brandFindings('Microsoft account team', 'account-security-noreply@accountprotection.microsoft.com')).toEqual([]);
  });

  it("reads Microsoft's name on a tenant's onmicrosoft.com address as a claim: anyone can open a tenant", () => {
    expect(brandFindings('Microsoft 365 Admin', 'admin@vbseduvn.onmicrosoft.com')).toEqual(['sender.brand-name']);
    expect(brandFindings('SharePoint Online', 'no-reply@sharepointonline.com')).toEqual([]);
  });

  it('says nothing on the domains Vietnamese services really bill from, nor on a foreign tax office at home', () => {
    expect(brandFindings('VNPT Invoice', 'hoadon@vnpt-invoice.com.vn')).toEqual([]);
    expect(brandFindings('Điện lực Ba Đình', 'cskh@evnhanoi.vn')).toEqual([]);
    expect(brandFindings('EVN SPC', 'cskh@evnspc.vn')).toEqual([]);
    expect(brandFindings('Viettel Post', 'cskh@viettelpost.com.vn')).toEqual([]);
    expect(brandFindings('IRS', 'no-reply@irs.gov')).toEqual([]);
    expect(brandFindings('BHXH tỉnh Lào Cai', 'bhxh@laocai.gov.vn')).toEqual([]);
    expect(brandFindings('Cục Thuế tỉnh Lào Cai', 'cucthue@laocai.gov.vn')).toEqual([]);
    expect(brandFindings('Bảo hiểm xã hội Việt Nam', 'thongbao@vssid-bhxh.com')).toEqual(['sender.brand-name']);
    expect(brandFindings('Điện lực miền Nam', 'hoantien@evn-cskh.top')).toEqual(['sender.brand-name']);
  });
});
