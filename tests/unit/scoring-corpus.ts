/**
 * The seed letters (tests/unit/scoring/seeds, copies of ../shared/seeds) and the lures they
 * quote, as MailMessages: what the scoring library must get right before anything else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyMessage, type MailAddress, type MailMessage } from '../../lib/mail/types';
import { policyForOrganisation } from '../../lib/policy/defaults';
import type { ScoringPolicy } from '../../lib/scoring/types';

export interface CorpusCase {
  name: string;
  message: MailMessage;
  policy: ScoringPolicy;
  /** Finding ids the verdict must include (what the letter names). */
  expectedReasons: string[];
}

const seedDirectory = join(import.meta.dirname, 'scoring', 'seeds');

export function seedLetter(file: string): string {
  return readFileSync(join(seedDirectory, file), 'utf8');
}

function address(name: string, mail: string): MailAddress {
  return { name, address: mail };
}

export function mail(fields: Partial<MailMessage>): MailMessage {
  return { ...emptyMessage('raw'), ...fields };
}

const thaiNguyen = policyForOrganisation('thainguyen.gov.vn');
const socTrang = policyForOrganisation('soctrang.gov.vn');
const laiChau = policyForOrganisation('laichau.gov.vn');
const laoCai = policyForOrganisation('laocai.gov.vn');
const binhThuan = policyForOrganisation('binhthuan.gov.vn');

export const lureCases: CorpusCase[] = [
  {
    name: 'Sóc Trăng: "Postmaster" quota lure with Gmail Reply-To and a weebly link',
    policy: socTrang,
    message: mail({
      subject: 'Đã vượt quá hạn ngạch',
      from: address('Postmaster', 'fem@fundacionhomi.org.co'),
      replyTo: [address('', 'mssmadar44@gmail.com')],
      to: [address('Recipients', 'nguyenvana@soctrang.gov.vn')],
      text:
        'Hộp thư của bạn đã vượt quá giới hạn dung lượng 2,0 GB mà quản trị viên CURRENT của bạn đã đặt là 2,30 GB. ' +
        'Bạn không thể gửi hoặc nhận tin nhắn mới cho đến khi bạn xác nhận lại email của mình.\n\n' +
        'Bấm vào đây để cập nhật địa chỉ email của bạn\n\ncảm ơn\nQuản lý hệ thống\n\n' +
        'This message has been scanned for viruses and dangerous content by E.F.A. Project, and is believed to be clean.',
      links: [{ href: 'https://upcorss.weebly.com/', text: 'Bấm vào đây để cập nhật địa chỉ email của bạn' }],
    }),
    expectedReasons: [
      'quota.mailbox-over-limit',
      'verification.click-to-update',
      'call-to-action.click-here',
      'sender.role-claim',
      'reply-to.free-mail',
      'link.free-host',
      'trust-footer.virus-scanned',
    ],
  },
  {
    name: 'Thái Nguyên: "Bộ phận trợ giúp" from another province\'s .gov.vn, 48-hour threat',
    policy: thaiNguyen,
    message: mail({
      subject: 'Bảo trì khẩn cấp',
      from: address('Bộ phận trợ giúp', 'hienlt_tanyen@bacgiang.gov.vn'),
      to: [address('', 'tranthib@thainguyen.gov.vn')],
      text:
        'Chúng tôi sẽ thực hiện một số bảo trì quan trọng trên trang web của mình. Để ngăn tài khoản của bạn bị đóng, ' +
        'bạn sẽ phải xác nhận nó bằng cách điền vào Thông tin bên dưới.\n\nTruy cập ngay bây giờ:\n\n' +
        'CẢNH BÁO!!! Chủ tài khoản từ chối xác nhận tài khoản của mình sau 48 giờ kể từ khi nhận được cảnh báo này ' +
        'sẽ mất tài khoản vĩnh viễn.\n\nChúng tôi xin lỗi vì sự bất tiện.\nCảm ơn',
    }),
    expectedReasons: ['threat.account-loss', 'verification.verify-account', 'call-to-action.click-here', 'sender.role-claim'],
  },
  {
    name: 'Thái Nguyên: "Người quản trị Hệ thống" quota lure asking for the password',
    policy: thaiNguyen,
    message: mail({
      subject: '',
      from: address('Người quản trị Hệ thống', 'hcsn_stc@bacgiang.gov.vn'),
      to: [address('', 'tranthib@thainguyen.gov.vn')],
      text:
        'THÂN TRỌNG;\n\nHộp thư của bạn đã vượt quá giới hạn lưu trữ, là 5 GB theo định nghĩa của quản trị viên, ' +
        'hiện đang chạy ở mức 10,9GB, bạn có thể không thể gửi hoặc nhận thư mới cho đến khi bạn xác thực lại email ' +
        'hộp thư của mình. Để revalidate hộp thư của bạn, hãy gửi thông tin sau đây:\n\nTên:\n Tên người dùng:\n ' +
        'mật khẩu:\n Xác nhận mật khẩu:\n thư điện tử:\n điện thoại:\n\nNếu bạn không thể làm sống lại hộp thư của ' +
        'mình, hộp thư của bạn sẽ bị vô hiệu hóa!\n\nXin lỗi vì sự bất tiện này.\n Mã xác minh: en:0078880\n ' +
        'Thư hỗ trợ kỹ thuật ©2021\n\nCảm ơn\n Người quản trị Hệ thống',
    }),
    expectedReasons: [
      'quota.mailbox-over-limit',
      'verification.revalidate',
      'credentials.username-password',
      'threat.account-loss',
      'sender.role-claim',
    ],
  },
  {
    name: 'Lào Cai: "xác minh tài khoản … tên người dùng email và mật khẩu … sẽ bị tạm ngưng"',
    policy: laoCai,
    message: mail({
      subject: 'Xác minh tài khoản email',
      from: address('Thông báo', 'thongbao@mailcenter-online.com'),
      to: [address('', 'lethic@laocai.gov.vn')],
      text:
        'Chúng tôi yêu cầu bạn xác minh tài khoản email của mình. Vui lòng nhấp vào liên kết bên dưới.\n' +
        'Nếu bạn không cung cấp các chi tiết được yêu cầu như tên người dùng email và mật khẩu thì tài ' +
        'khoản của bạn sẽ bị tạm ngưng.',
      links: [{ href: 'http://mailcenter-online.com/laocai/verify', text: 'Xác minh tài khoản' }],
    }),
    expectedReasons: ['verification.verify-account', 'credentials.username-password', 'threat.account-loss'],
  },
  {
    name: 'Lào Cai: official-looking notice with a disguised executable attachment',
    policy: laoCai,
    message: mail({
      subject: 'Công văn khẩn',
      from: address('Văn phòng UBND', 'vanphong.ubnd@gmail.com'),
      to: [address('', 'lethic@laocai.gov.vn')],
      text: 'Gửi anh chị công văn khẩn, đề nghị mở tệp đính kèm và thực hiện.',
      attachments: [{ filename: 'Cong van 123-UBND.pdf.exe', contentType: 'application/octet-stream' }],
    }),
    expectedReasons: ['attachment.double-extension'],
  },
  {
    name: 'Lai Châu: Cyrillic sender from dls.gov.ua, "Nhấn vào đây để cập nhật"',
    policy: laiChau,
    message: mail({
      subject: 'Cập nhật tài khoản',
      from: address('Держлікслужба у Хмельницькій області', 'dls.km@dls.gov.ua'),
      to: [address('', 'hoangvand@laichau.gov.vn')],
      text: 'Nhấn vào đây để cập nhật',
      links: [{ href: 'https://mail-laichau.web.app/update', text: 'Nhấn vào đây để cập nhật' }],
    }),
    expectedReasons: [
      'sender.foreign-script',
      'sender.foreign-government',
      'verification.click-to-update',
      'call-to-action.click-here',
    ],
  },
];

function letter(policy: ScoringPolicy, from: MailAddress, to: string, subject: string, file: string, links: MailMessage['links'] = []): MailMessage {
  return mail({ subject, from, to: [address('', to)], text: seedLetter(file), links });
}

export const letterCases: CorpusCase[] = [
  {
    name: 'Thái Nguyên warning letter (quotes both lures)',
    policy: thaiNguyen,
    message: letter(thaiNguyen, address('Trung tâm CNTT&TT Thái Nguyên', 'ttcntt@thainguyen.gov.vn'), 'tranthib@thainguyen.gov.vn', 'V/v phòng chống thư giả mạo', '000_0147fd1bac6ea8e7.txt'),
    expectedReasons: ['context.internal-advisory'],
  },
  {
    name: 'Sóc Trăng warning letter, the lure URL turned into a link',
    policy: socTrang,
    message: letter(socTrang, address('Sở TT&TT Sóc Trăng', 'stttt@soctrang.gov.vn'), 'nguyenvana@soctrang.gov.vn', 'V/v cảnh báo mạo danh phát tán thư điện tử có nội dung lừa đảo', '001_315c30a0867255ad.txt', [
      { href: 'https://upcorss.weebly.com/', text: 'https://upcorss.weebly.com/' },
      { href: 'mailto:tvthe@soctrang.gov.vn', text: 'tvthe@soctrang.gov.vn' },
    ]),
    expectedReasons: ['context.internal-advisory'],
  },
  {
    name: 'Lai Châu warning letter',
    policy: laiChau,
    message: letter(laiChau, address('Sở Thông tin và Truyền thông', 'stttt@laichau.gov.vn'), 'hoangvand@laichau.gov.vn', 'V/v cảnh báo giả mạo lấy cắp thông tin tài khoản', '002_cbc6be448b37bd25.txt', [
      { href: 'http://mail.laichau.gov.vn', text: 'http://mail.laichau.gov.vn' },
    ]),
    expectedReasons: ['context.internal-advisory'],
  },
  {
    name: 'Lào Cai warning letter',
    policy: laoCai,
    message: letter(laoCai, address('Sở TT&TT Lào Cai', 'stttt@laocai.gov.vn'), 'lethic@laocai.gov.vn', 'V/v nguy cơ mất an toàn thông tin', '003_96e2f1f683d7ca73.txt', [
      { href: 'https://mail.laocai.gov.vn', text: 'https://mail.laocai.gov.vn' },
    ]),
    expectedReasons: ['context.internal-advisory'],
  },
  {
    name: 'Phan Thiết mailbox-cleanup notice',
    policy: binhThuan,
    message: letter(binhThuan, address('UBND thành phố Phan Thiết', 'ubndphanthiet@binhthuan.gov.vn'), 'canbo@binhthuan.gov.vn', 'V/v đảm bảo an toàn thông tin khi sử dụng thư điện tử công vụ', '004_7ae9f029b9ddbc9d.txt'),
    expectedReasons: [],
  },
];

export const benignCases: CorpusCase[] = [
  {
    name: 'Lịch họp tuần sau, from a colleague in the same domain',
    policy: laiChau,
    message: mail({
      subject: 'Lịch họp tuần sau',
      from: address('Nguyễn Văn B', 'nguyenvanb@laichau.gov.vn'),
      to: [address('', 'hoangvand@laichau.gov.vn')],
      text:
        'Kính gửi anh chị,\n\nLịch họp tuần sau như sau: Thứ Hai, 8 giờ 00, họp giao ban tại phòng họp tầng 3. ' +
        'Đề nghị các đồng chí chuẩn bị báo cáo kết quả công tác tháng.\n\nTrân trọng,\nNguyễn Văn B',
    }),
    expectedReasons: [],
  },
  {
    name: 'A document from another province, with Office attachments',
    policy: laiChau,
    message: mail({
      subject: 'Gửi công văn số 456/STTTT-VP',
      from: address('Văn phòng Sở TT&TT Điện Biên', 'vanphong.stttt@dienbien.gov.vn'),
      to: [address('', 'hoangvand@laichau.gov.vn')],
      text: 'Sở Thông tin và Truyền thông tỉnh Điện Biên gửi công văn số 456/STTTT-VP, đề nghị Quý Sở nghiên cứu, phối hợp.',
      attachments: [
        { filename: '456-STTTT-VP.pdf', contentType: 'application/pdf' },
        { filename: 'Phu luc.docx' },
        { filename: 'So lieu.xlsx' },
      ],
      links: [{ href: 'https://dienbien.gov.vn/van-ban/456', text: 'dienbien.gov.vn/van-ban/456' }],
    }),
    expectedReasons: [],
  },
  {
    name: 'A citizen writing from Gmail',
    policy: laoCai,
    message: mail({
      subject: 'Hỏi về thủ tục cấp giấy phép',
      from: address('Trần Văn C', 'tranvanc1985@gmail.com'),
      to: [address('', 'motcua@laocai.gov.vn')],
      text: 'Kính gửi Quý cơ quan, tôi muốn hỏi thủ tục cấp giấy phép xây dựng cần những giấy tờ gì. Xin cảm ơn.',
    }),
    expectedReasons: [],
  },
];
