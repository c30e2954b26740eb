/**
 * The lure rules: the threat table of DESIGN.md as data. Each pattern is a regular-expression
 * source matched against the bare text of `normalize.ts` (lower case, no diacritics, no invisible
 * characters, Latin lookalikes folded, single spaces), so one pattern covers "Hộp thư", "hop thu",
 * "HỘP THƯ" and "Hộp‍ thư" with a zero-width joiner. The explanation a user reads is
 * `reason.<id>` in locales/*\/reasons.json.
 *
 * Patterns must stay linear-time: literal words, alternations of literals, and bounded gaps
 * (`.{0,60}`) only — never a quantifier inside a quantified group.
 *
 * Within one category only the strongest matching rule counts (see signals/text.ts), so a lure
 * that repeats itself scores no more than one that says it once; between rules of equal weight
 * the one listed first wins, so the more specific rule comes first.
 */
import type { Category } from './types';

export interface LureRule {
  id: string;
  category: Category;
  weight: number;
  patterns: readonly string[];
  /** Texts (as a user would see them) the rule must match, and near misses it must not. */
  examples: { match: readonly string[]; noMatch: readonly string[] };
}

export const lureRules = [
  // ── Mailbox quota ────────────────────────────────────────────────────────────────────────
  {
    id: 'quota.mailbox-over-limit',
    category: 'quota',
    weight: 30,
    patterns: [
      String.raw`\b(hop thu|hop mail|hom thu)\b.{0,40}\b(vuot qua|da day|sap day|het dung luong|day bo nho|qua tai)\b`,
      String.raw`\bvuot qua (gioi han|dung luong|han muc|han ngach)\b`,
      String.raw`\bmailbox\b.{0,40}\b(is full|almost full|is over|over (its |the )?(quota|limit|size)|has exceeded|exceeded|reached (its |the )?(quota|limit))\b`,
      String.raw`\b(exceeded|exceeds|over) (its |your |the )?(storage |mailbox |email |disk )?(quota|storage limit|size limit)\b`,
    ],
    examples: {
      match: [
        'Hộp thư của bạn đã vượt quá giới hạn lưu trữ, là 5 GB',
        'hop thu cua ban da vuot qua gioi han',
        'Hộp thư của bạn đã đầy',
        'Your mailbox is almost full.',
        'Your mailbox has exceeded the storage limit',
        'You have exceeded your mailbox quota',
      ],
      noMatch: ['Hộp thư công vụ của tỉnh đã được nâng cấp', 'Chỉ tiêu năm nay đã vượt kế hoạch'],
    },
  },
  {
    id: 'quota.quota-exceeded',
    category: 'quota',
    weight: 25,
    patterns: [
      String.raw`\b(vuot|het|qua|tran) han ngach\b`,
      String.raw`\bhan ngach (hop thu|luu tru|email|thu dien tu|dung luong)\b`,
      String.raw`\bquota (has been |was |is )?(exceeded|reached|full)\b`,
      String.raw`\b(mailbox|storage|email) quota\b`,
    ],
    examples: {
      match: ['Đã vượt quá hạn ngạch', 'da vuot qua han ngach', 'Hạn ngạch hộp thư', 'Mailbox quota exceeded'],
      noMatch: ['Phân bổ hạn ngạch thuế quan nhập khẩu năm 2024'],
    },
  },
  {
    id: 'quota.storage-full',
    category: 'quota',
    weight: 25,
    patterns: [
      String.raw`\bdung luong\b.{0,25}\b(da day|sap day|bi day|vuot qua|da het|sap het|toi da cho phep)\b`,
      String.raw`\b(storage|mailbox size|disk space)\b.{0,25}\b(is full|almost full|running out|ran out|exceeded)\b`,
    ],
    examples: {
      match: ['Dung lượng hộp thư của bạn sắp đầy', 'dung luong luu tru da het', 'Your storage is almost full'],
      noMatch: ['Kiểm tra dung lượng lưu trữ và thực hiện việc xóa những thư đã cũ'],
    },
  },
  {
    id: 'quota.storage-size',
    category: 'quota',
    weight: 20,
    patterns: [String.raw`\b\d{1,4}(?:[.,]\d{1,3})? ?[gm]b\b.{0,120}\b\d{1,4}(?:[.,]\d{1,3})? ?[gm]b\b`],
    examples: {
      match: ['là 5 GB theo định nghĩa của quản trị viên, hiện đang chạy ở mức 10,9GB', 'giới hạn dung lượng 2,0 GB mà quản trị viên đã đặt là 2,30 GB'],
      noMatch: ['Tệp đính kèm 5 GB', 'Hộp thư 5GB'],
    },
  },

  // ── Account verification / update / revalidation ─────────────────────────────────────────
  {
    id: 'verification.revalidate',
    category: 'verification',
    weight: 25,
    patterns: [
      String.raw`\blam song lai (hop thu|tai khoan|email)\b`,
      String.raw`\b(xac thuc|kich hoat|xac minh) lai (hop thu|tai khoan|email|e-mail)\b`,
      String.raw`\bre-? ?(validate|activate|verify) (your |the )?(account|mailbox|email|e-mail|webmail|mail|hop thu|tai khoan)\b`,
    ],
    examples: {
      match: [
        'Nếu bạn không thể làm sống lại hộp thư của mình',
        'cho đến khi bạn xác thực lại email hộp thư của mình',
        'Để revalidate hộp thư của bạn',
        'Please re-validate your mailbox',
      ],
      noMatch: ['Bạn cần xác thực văn bản trước khi ký số', 'Please validate the attached budget'],
    },
  },
  {
    id: 'verification.click-to-update',
    category: 'verification',
    weight: 20,
    patterns: [
      String.raw`\b(bam|nhan|nhap|click|kich|an) (chuot )?(vao|tai) (day|lien ket|duong dan|link)\b.{0,10}\bde (cap nhat|xac minh|xac nhan|xac thuc|nang cap|kich hoat)\b`,
      String.raw`\bclick (here|below|the link)\b.{0,10}\bto (update|verify|confirm|upgrade|validate|reactivate)\b`,
    ],
    examples: {
      match: ['Nhấn vào đây để cập nhật', 'Bấm vào đây để cập nhật địa chỉ email của bạn', 'Click here to verify'],
      noMatch: ['Nhấn vào đây để xem lịch họp', 'Click here to view the agenda'],
    },
  },
  {
    id: 'verification.verify-account',
    category: 'verification',
    weight: 20,
    patterns: [
      String.raw`\b(xac minh|xac thuc|xac nhan)( lai)? (tai khoan|hop thu|email|e-mail|dia chi email|dia chi thu|thu dien tu)\b`,
      String.raw`\b(verify|confirm|validate|authenticate) (your |the )?(email |e-mail |mailbox |webmail |mail )?(account|mailbox|email address|email|e-mail|identity|login|credentials)\b`,
    ],
    examples: {
      match: [
        'từ chối xác nhận tài khoản của mình',
        'yêu cầu "xác minh tài khoản"',
        'cho đến khi bạn xác nhận lại email của mình',
        'xac nhan lai email',
        'Verify your account now',
      ],
      noMatch: ['xác nhận đã nhận công văn', 'Please confirm your attendance'],
    },
  },
  {
    id: 'verification.update-account',
    category: 'verification',
    weight: 15,
    patterns: [
      String.raw`\bcap nhat\b.{0,30}\b(tai khoan|dia chi email|dia chi thu|hop thu|mat khau)\b`,
      String.raw`\bupdate (your )?(email |e-mail |mailbox |webmail )?(account|mailbox|password|email address)\b`,
    ],
    examples: {
      match: ['để cập nhật tài khoản', 'cap nhat dia chi email cua ban', 'Update your mailbox'],
      noMatch: ['Cập nhật số liệu báo cáo quý III', 'Update the meeting minutes'],
    },
  },

  // ── Deadline and loss threats ────────────────────────────────────────────────────────────
  {
    id: 'threat.account-loss',
    category: 'threat',
    weight: 20,
    patterns: [
      String.raw`\b(se|co the) bi (vo hieu hoa|tam ngung|tam khoa|khoa|xoa|huy|dinh chi|ngung hoat dong|chan)\b`,
      String.raw`\b(tai khoan|hop thu)\b.{0,30}\bbi (dong|khoa|vo hieu hoa|tam ngung|xoa|dinh chi|huy)\b`,
      String.raw`\bmat (tai khoan|hop thu|email)\b.{0,20}\bvinh vien\b`,
      String.raw`\b(will|may|shall) be (suspended|deactivated|disabled|closed|terminated|deleted|blocked|locked|shut down)\b`,
      String.raw`\b(account|mailbox)\b.{0,30}\b(suspension|deactivation|termination)\b`,
    ],
    examples: {
      match: [
        'thì tài khoản của bạn sẽ bị tạm ngưng',
        'hộp thư của bạn sẽ bị vô hiệu hóa!',
        'Để ngăn tài khoản của bạn bị đóng',
        'sẽ mất tài khoản vĩnh viễn',
        'se bi vo hieu hoa',
        'your account will be suspended',
      ],
      noMatch: ['hệ thống sẽ thực hiện tạm khóa tài khoản đó', 'Cuộc họp sẽ bắt đầu lúc 8 giờ'],
    },
  },
  {
    id: 'threat.deadline',
    category: 'threat',
    weight: 15,
    patterns: [
      String.raw`\b(sau|trong|trong vong|truoc) \d{1,3} (gio|tieng)\b.{0,80}\b(mat|khoa|dong|xoa|vo hieu|tam ngung|huy)\b`,
      String.raw`\bwithin \d{1,3} (hours|hrs|days)\b`,
    ],
    examples: {
      match: ['sau 48 giờ kể từ khi nhận được cảnh báo này sẽ mất tài khoản', 'within 24 hours'],
      noMatch: ['Họp sau 14 giờ tại phòng 201'],
    },
  },

  // ── Credential requests ──────────────────────────────────────────────────────────────────
  {
    id: 'credentials.username-password',
    category: 'credentials',
    weight: 30,
    patterns: [
      String.raw`\bten (nguoi dung|dang nhap|tai khoan)\b.{0,80}\bmat khau\b`,
      String.raw`\bxac nhan (lai )?mat khau\b`,
      String.raw`\b(user ?name|login|user id|email address)\b.{0,80}\bpassword\b`,
      String.raw`\bconfirm (your )?password\b`,
    ],
    examples: {
      match: [
        'các chi tiết được yêu cầu như tên người dùng email và mật khẩu',
        'Tên người dùng: mật khẩu: Xác nhận mật khẩu:',
        'ten dang nhap va mat khau',
        'Username: Password:',
      ],
      noMatch: ['Đề nghị người dùng thay đổi mật khẩu định kỳ'],
    },
  },
  {
    id: 'credentials.ask-password',
    category: 'credentials',
    weight: 25,
    patterns: [
      String.raw`\b(cung cap|nhap|gui|dien|khai bao|cho biet|xac minh)\b.{0,40}\bmat khau\b`,
      String.raw`\b(enter|provide|verify|submit|send|type)\b.{0,40}\bpassword\b`,
    ],
    examples: {
      match: ['cung cấp thông tin họ tên, thông tin tài khoản, mật khẩu', 'Please enter your password'],
      noMatch: ['Đề nghị người dùng thay đổi mật khẩu', 'Change your password regularly'],
    },
  },

  // ── Call to action ───────────────────────────────────────────────────────────────────────
  {
    id: 'call-to-action.click-here',
    category: 'call-to-action',
    weight: 15,
    patterns: [
      String.raw`\b(bam|nhan|nhap|click|kich|an) (chuot )?(vao|tai|len) (day|lien ket|duong dan|link|nut ben duoi)\b`,
      String.raw`\btruy cap ngay\b`,
      String.raw`\bdang nhap ngay\b`,
      String.raw`\bclick (here|below|on the link|the link|the button)\b`,
      String.raw`\b(log ?in|sign ?in|access) (now|here|immediately)\b`,
    ],
    examples: {
      match: ['Bấm vào đây để cập nhật', 'Truy cập ngay bây giờ:', 'nhan vao day', 'Click here', 'Login now'],
      noMatch: ['Đây là lịch công tác tuần', 'Truy cập cổng dịch vụ công để tra cứu hồ sơ'],
    },
  },

  // ── Admin / help-desk impersonation in the text ──────────────────────────────────────────
  {
    id: 'impersonation.dear-webmail-user',
    category: 'impersonation',
    weight: 20,
    patterns: [
      String.raw`\bdear (valued )?(webmail|email|e-mail|mailbox|account|mail|outlook|office ?365|zimbra|roundcube) (user|users|customer|owner|account holder|subscriber|member)\b`,
      String.raw`\bkinh gui (nguoi dung|chu tai khoan|thue bao) (webmail|email|hop thu|thu dien tu)\b`,
    ],
    examples: {
      match: ['Dear Webmail User,', 'Dear E-mail user', 'Kính gửi người dùng webmail'],
      noMatch: ['Dear colleagues', 'Kính gửi các Sở, ban, ngành'],
    },
  },
  {
    id: 'impersonation.admin-role',
    category: 'impersonation',
    weight: 10,
    patterns: [
      String.raw`\b(nguoi )?quan tri (he thong|vien|mang|email|thu)\b`,
      String.raw`\bbo phan (tro giup|ho tro ky thuat|ky thuat|it)\b`,
      String.raw`\b(thu|trung tam) ho tro ky thuat\b`,
      String.raw`\bquan ly he thong\b`,
      String.raw`\b(system|mail|email|webmail) administrat(or|ion)\b`,
      String.raw`\b(help ?desk|it support|it service ?desk|it department|technical support|webmaster)\b`,
    ],
    examples: {
      match: ['Người quản trị Hệ thống', 'quản trị viên CURRENT của bạn', 'Bộ phận trợ giúp', 'Webmail Administrator', 'IT Help Desk'],
      noMatch: ['Phòng Hành chính - Quản trị', 'quản lý dự án'],
    },
  },

  // ── Pending or blocked incoming mail ─────────────────────────────────────────────────────
  {
    id: 'pending-mail.held-messages',
    category: 'pending-mail',
    weight: 20,
    patterns: [
      String.raw`\b(thu|tin nhan|email|thu dien tu)( den| moi)? (dang cho|dang bi giu|bi giu lai|bi chan|bi treo|chua duoc gui|chua gui duoc|bi tra lai)\b`,
      String.raw`\b\d{1,4} (thu|tin nhan|email)( den| moi)? (dang cho|chua doc duoc|bi giu|bi chan)\b`,
      String.raw`\b(pending|undelivered|held|blocked|quarantined|suspended) (incoming )?(messages|emails|mails)\b`,
      String.raw`\b(messages|emails|mails) (are |were |have been )?(on hold|held|pending|blocked|not delivered|undelivered)\b`,
    ],
    examples: {
      match: ['Bạn có 7 thư đến đang chờ', 'Thư đến bị chặn', 'You have 12 pending messages', 'Your incoming messages are on hold'],
      noMatch: ['Thư mời họp đã được gửi', 'the messages were delivered'],
    },
  },

  // ── Fake trust footers (add a little; never reassure) ────────────────────────────────────
  {
    id: 'trust-footer.virus-scanned',
    category: 'trust-footer',
    weight: 5,
    patterns: [
      String.raw`\bscanned (for viruses|by)\b.{0,120}\b(believed to be clean|is clean|virus free|no virus)\b`,
      String.raw`\b(virus-free|no virus found|secured by (norton|mcafee|avast|avg|symantec))\b`,
      String.raw`\b(da duoc )?(quet|kiem tra) (virus|ma doc)\b.{0,40}\b(an toan|sach|khong co virus)\b`,
    ],
    examples: {
      match: [
        'This message has been scanned for viruses and dangerous content by E.F.A. Project, and is believed to be clean.',
        'Thư này đã được quét virus và an toàn',
      ],
      noMatch: ['Cài đặt phần mềm diệt virus trên máy tính'],
    },
  },
] as const satisfies readonly LureRule[];

export type LureRuleId = (typeof lureRules)[number]['id'];

/** Admin-supplied phrases (policy.extraLurePhrases) are one more rule with this id. */
export const extraPhraseRule = { id: 'policy.extra-phrase', category: 'policy', weight: 30 } as const;
