/**
 * Contacts printed in the provinces' own warning letters (../shared/seeds, DESIGN.md).
 * The 2025 mergers of provinces and departments changed many names and addresses: these are
 * starting points, and an administrator's managed policy overrides every one of them.
 */
export interface ProvincePreset {
  id: string;
  organisationName: string;
  /** Registrable domains whose mail is the organisation's own. */
  organisationDomains: string[];
  /** Names an impostor would borrow (matched without diacritics). */
  organisationNames: string[];
  /** The webmail the letters name. */
  webmailHosts: string[];
  hotlines: string[];
  reportAddresses: string[];
}

export const provincePresets: readonly ProvincePreset[] = [
  {
    id: 'thai-nguyen',
    organisationName: 'Trung tâm CNTT&TT tỉnh Thái Nguyên',
    organisationDomains: ['thainguyen.gov.vn'],
    webmailHosts: ['mail.thainguyen.gov.vn'],
    organisationNames: ['Thái Nguyên'],
    hotlines: ['0914.300.486', '0982.353.222'],
    reportAddresses: [],
  },
  {
    id: 'soc-trang',
    organisationName: 'Sở Thông tin và Truyền thông tỉnh Sóc Trăng',
    organisationDomains: ['soctrang.gov.vn'],
    webmailHosts: ['mail.soctrang.gov.vn'],
    organisationNames: ['Sóc Trăng'],
    hotlines: ['0299.3626800'],
    reportAddresses: ['tvthe@soctrang.gov.vn'],
  },
  {
    id: 'lai-chau',
    organisationName: 'Sở Thông tin và Truyền thông tỉnh Lai Châu',
    organisationDomains: ['laichau.gov.vn'],
    webmailHosts: ['mail.laichau.gov.vn'],
    organisationNames: ['Lai Châu'],
    hotlines: ['02133.798.788', '0972 862 268'],
    reportAddresses: ['hotro@laichau.gov.vn'],
  },
  {
    id: 'lao-cai',
    organisationName: 'Sở Thông tin và Truyền thông tỉnh Lào Cai',
    organisationDomains: ['laocai.gov.vn'],
    webmailHosts: ['mail.laocai.gov.vn'],
    organisationNames: ['Lào Cai'],
    hotlines: ['02143.841.288'],
    reportAddresses: ['hotro@laocai.gov.vn'],
  },
  {
    id: 'binh-thuan',
    organisationName: 'UBND thành phố Phan Thiết (Bình Thuận)',
    organisationDomains: ['binhthuan.gov.vn'],
    webmailHosts: ['mail.binhthuan.gov.vn'],
    organisationNames: ['Phan Thiết', 'Bình Thuận'],
    hotlines: [],
    reportAddresses: [],
  },
];

export function presetById(id: string): ProvincePreset | undefined {
  return provincePresets.find((p) => p.id === id);
}

export function presetForDomain(domain: string): ProvincePreset | undefined {
  return provincePresets.find((p) => p.organisationDomains.includes(domain));
}
