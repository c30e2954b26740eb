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
  /**
   * A match right after a negation ("không cung cấp mật khẩu", "never ask for your password",
   * "do not click") is a warning, not a request: it does not count, and the next match is tried.
   */
  negatable?: boolean;
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
    // two sizes alone are any hardware newsletter ("42 euros for 30 GB … 33 euros for 30 GB"):
    // a quota word must stand before or just after them
    patterns: [
      String.raw`\b(gioi han|dung luong|han muc|han ngach|luu tru|quota|storage|mailbox|capacity)\b.{0,30}\b\d{1,4}(?:[.,]\d{1,3})? ?[gm]b\b.{0,90}\b\d{1,4}(?:[.,]\d{1,3})? ?[gm]b\b`,
      String.raw`\b\d{1,4}(?:[.,]\d{1,3})? ?[gm]b\b.{0,90}\b\d{1,4}(?:[.,]\d{1,3})? ?[gm]b\b.{0,30}\b(gioi han|dung luong|han muc|han ngach|luu tru|quota|storage|mailbox|capacity)\b`,
    ],
    examples: {
      match: ['vượt quá giới hạn lưu trữ, là 5 GB theo định nghĩa của quản trị viên, hiện đang chạy ở mức 10,9GB', 'giới hạn dung lượng 2,0 GB mà quản trị viên đã đặt là 2,30 GB', 'You have used 1.9 GB of 2 GB mailbox storage'],
      noMatch: ['Tệp đính kèm 5 GB', 'Hộp thư 5GB', '42 euros for 30 GB ADR tape, 33 euros for 30 GB ADR tape'],
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
      String.raw`\bdang nhap (tai|vao|theo|qua)\b.{0,60}\bde (xac thuc|xac minh)\b`,
    ],
    examples: {
      match: ['Nhấn vào đây để cập nhật', 'Bấm vào đây để cập nhật địa chỉ email của bạn', 'Click here to verify', 'Vui lòng đăng nhập tại đường dẫn sau để xác thực ngay'],
      noMatch: ['Nhấn vào đây để xem lịch họp', 'Click here to view the agenda', 'Đăng nhập vào cổng thông tin để đăng ký học phần'],
    },
  },
  {
    id: 'verification.verify-account',
    category: 'verification',
    weight: 20,
    patterns: [
      String.raw`\b(xac minh|xac thuc|xac nhan)( lai)? (tai khoan|hop thu|email|e-mail|dia chi email|dia chi thu|thu dien tu)\b`,
      String.raw`\b(verify|confirm|validate|authenticate) (your |the )?(email |e-mail |mailbox |webmail |mail )?(account|mailbox|email address|email|e-mail|identity|login|credentials)\b`,
      String.raw`\b(verification|verificacao|verificacion) de (votre|sua|su|tu) (identite|identidade|identidad|compte|conta|cuenta)\b`,
      String.raw`\b(verifique|confirme|verifiez|confirmez|valide) (a |la )?(sua|seu|su|tu|votre|vos) (identidade|identidad|identite|conta|cuenta|compte|dados|datos|donnees|informations)\b`,
      String.raw`\bconfirmacion de (sus|tus) datos\b`,
    ],
    examples: {
      match: [
        'từ chối xác nhận tài khoản của mình',
        'yêu cầu "xác minh tài khoản"',
        'cho đến khi bạn xác nhận lại email của mình',
        'xac nhan lai email',
        'Verify your account now',
        'Vérification de votre identité',
        'Confirmación de sus datos de contacto para procesar su pago',
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
      // "mất quyền hoàn tiền": the refund or benefit a lure dangles, lost if one waits
      String.raw`\bmat quyen (loi|hoan tien|nhan (tien|qua|thuong))\b`,
      // pt, es, fr, de, it, nl: "sua conta será bloqueada", "su cuenta será suspendida", "wird gesperrt"
      String.raw`\b(sera|serao|vai ser|vao ser|podera ser|seran|puede ser|pourrait etre|va etre|wird|werden|verra|sara|zal worden|wordt)( \w+)? (bloquead[oa]s?|suspens[oa]s?|cancelad[oa]s?|desativad[oa]s?|excluid[oa]s?|encerrad[oa]s?|suspendid[oa]s?|eliminad[oa]s?|desactivad[oa]s?|suspendu[es]?|bloque[es]?|desactive[es]?|supprime[es]?|ferme[es]?|gesperrt|deaktiviert|geloscht|geloescht|gekundigt|bloccat[oa]|sospes[oa]|disattivat[oa]|geblokkeerd|opgeschort|verwijderd|gedeactiveerd)\b`,
    ],
    examples: {
      match: [
        'thì tài khoản của bạn sẽ bị tạm ngưng',
        'hộp thư của bạn sẽ bị vô hiệu hóa!',
        'Để ngăn tài khoản của bạn bị đóng',
        'sẽ mất tài khoản vĩnh viễn',
        'se bi vo hieu hoa',
        'your account will be suspended',
        'mất quyền hoàn tiền',
        'Sua conta de pontos vai ser bloqueada por inatividade',
        'Ihr Konto wird gesperrt',
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
      // "cần xác nhận gấp", "nhận hoàn tiền lại ngay": the act itself is urgent
      String.raw`\b(xac nhan|xac minh|thanh toan|cap nhat|kich hoat|nhan( tien| qua| thuong| hoan tien)?( lai)?) (gap|ngay lap tuc|ngay hom nay)\b`,
      // ("ngay" is also "ngày", a date: "nhận tiền ngày 10/5" is not urgent)
      String.raw`\bnhan( tien| qua| thuong| hoan tien)( lai)? ngay\b(?! ?\d| (mai|hom|thang|le|cong|nghi|lam|tiep|sau|truoc|dau|cuoi|nay|ay|do|thu))`,
      // pt, es, fr, de, it, nl: "em 24 horas", "dentro de 48 horas", "dans les 24 heures", "innerhalb von 24 Stunden"
      String.raw`\b(em( ate| menos de)?|dentro de( las)?|nas proximas|en las proximas|dans les|d ici|innerhalb( von| der naechsten| der nachsten)?|entro( le)?|binnen) \d{1,3} ?(horas|heures|h|stunden|ore|uur)\b`,
      String.raw`\bprazo:? (de )?\d{1,3} ?(horas|h)\b`,
    ],
    examples: {
      match: ['sau 48 giờ kể từ khi nhận được cảnh báo này sẽ mất tài khoản', 'within 24 hours', 'Habilite sua conta de pontos em menos de 24 horas', 'dans les 48 heures', 'innerhalb von 24 Stunden', 'cần xác nhận gấp', 'NHẬN HOÀN TIỀN LẠI NGAY', 'Prazo: 24 horas.'],
      noMatch: ['Họp sau 14 giờ tại phòng 201', 'đề nghị xác nhận ngày họp', 'nhận ngay sau khi họp', 'nhận tiền ngày 10/5', 'nhận thưởng ngày thứ Hai'],
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
      String.raw`\b(dia chi email|email|dia chi thu) (va|cung) mat khau\b`,
      String.raw`\b(user ?name|login|user id|email address)\b.{0,80}\bpassword\b`,
      String.raw`\bconfirm (your )?password\b`,
    ],
    examples: {
      match: [
        'các chi tiết được yêu cầu như tên người dùng email và mật khẩu',
        'Tên người dùng: mật khẩu: Xác nhận mật khẩu:',
        'ten dang nhap va mat khau',
        'Username: Password:',
        'bằng địa chỉ email và mật khẩu cũ đang dùng',
      ],
      noMatch: ['Đề nghị người dùng thay đổi mật khẩu định kỳ'],
    },
  },
  {
    id: 'credentials.ask-password',
    category: 'credentials',
    weight: 25,
    negatable: true,
    patterns: [
      String.raw`\b(cung cap|nhap|gui|dien|khai bao|cho biet|xac minh)\b.{0,40}\bmat khau\b`,
      String.raw`\b(enter|provide|verify|submit|send|type)\b.{0,40}\bpassword\b`,
    ],
    examples: {
      match: ['cung cấp thông tin họ tên, thông tin tài khoản, mật khẩu', 'Please enter your password'],
      noMatch: [
        'Đề nghị người dùng thay đổi mật khẩu',
        'Change your password regularly',
        'Tuyệt đối không cung cấp mật khẩu cho bất kỳ ai',
        'Bộ phận quản trị không bao giờ yêu cầu cung cấp mật khẩu qua thư',
        'We will never ask you to enter your password by email',
      ],
    },
  },

  // ── Call to action ───────────────────────────────────────────────────────────────────────
  {
    id: 'call-to-action.click-here',
    category: 'call-to-action',
    weight: 15,
    negatable: true,
    patterns: [
      String.raw`\b(bam|nhan|nhap|click|kich|an) (chuot )?(vao|tai|len) (day|lien ket|duong dan|link|nut ben duoi)\b`,
      String.raw`\btruy cap ngay\b`,
      String.raw`\bdang nhap ngay\b`,
      String.raw`\bclick (here|below|on the link|the link|the button)\b`,
      String.raw`\b(log ?in|sign ?in|access) (now|here|immediately)\b`,
    ],
    examples: {
      match: ['Bấm vào đây để cập nhật', 'Truy cập ngay bây giờ:', 'nhan vao day', 'Click here', 'Login now'],
      noMatch: ['Đây là lịch công tác tuần', 'Truy cập cổng dịch vụ công để tra cứu hồ sơ', 'Không bấm vào đường dẫn lạ', 'Do not click the link'],
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

  // ── Sign-in alerts, access changes, documents, payments, deliveries (real lures, many languages) ──
  {
    id: 'verification.unusual-signin',
    category: 'verification',
    weight: 20,
    patterns: [
      String.raw`\b(unusual|suspicious|unrecogni[sz]ed|unauthori[sz]ed|strange|irregular) (sign-? ?in|log-? ?in|login attempt|activity|access)\b`,
      String.raw`\bnew (sign-? ?in|log-? ?in|login) (from|on|to your|detected|attempt|alert)\b`,
      // "Iog in" with a capital I for the l is how some lures dodge filters
      String.raw`\b(someone|somebody) (tried|has tried|attempted|is trying) to (sign|log|iog|access)\b`,
      String.raw`\b(ai do|mot nguoi nao do)( da| vua| dang)? (co gang|tim cach|co) (dang nhap|truy cap)\b`,
      String.raw`\b(sign-? ?in|login) (attempt|activity) (from|on) (a )?(new|unknown|unrecogni[sz]ed)\b`,
      String.raw`\bnew device\b.{0,30}\b(sign|log|access|used)`,
      String.raw`\b(novo|um novo|recente) (acesso|dispositivo|login)\b`,
      String.raw`\bacesso (suspeito|nao autorizado|incomum)\b`,
      String.raw`\b(actividad|acceso|inicio de sesion) (sospechos[oa]|inusual|no autorizad[oa])\b`,
      String.raw`\b(connexion|activite) (inhabituelle|suspecte)\b`,
      String.raw`\b(ungewohnliche|verdachtige) (anmeldung|aktivitat)\b`,
      String.raw`\bdang nhap (bat thuong|la|tu thiet bi (moi|la))\b`,
      // "unusual activity": VPBank's card lures say "hoạt động bất thường"
      String.raw`\b(hoat dong|truy cap) (bat thuong|dang ngo|dang nghi)\b`,
    ],
    examples: {
      match: [
        'Fw: unusual signin activity on your account',
        'Unrecognized Login Attempt to Your Account',
        'Someone tried to log in to your account',
        'Fw: Someone tried to Iog in To Your Account',
        'Detectamos um novo acesso à sua conta',
        'Phát hiện đăng nhập bất thường vào tài khoản của bạn',
        'Thẻ của quý khách có hoạt động bất thường',
        'Ai đó đã cố gắng đăng nhập vào tài khoản của bạn',
      ],
      noMatch: ['New sign-in options are available in the portal settings menu', 'Please sign in to the new portal'],
    },
  },
  {
    id: 'threat.access-change',
    category: 'threat',
    weight: 20,
    patterns: [
      String.raw`\b(before|until) your access (changes|ends|expires|is removed)\b`,
      String.raw`\baccess (will be|is being) (revoked|removed|restricted|terminated|limited)\b`,
      String.raw`\b(account|mailbox|wallet|profile|e-?mail) (has been|is|was|got|is being|will be) (temporar(il)?y )?(limited|restricted|locked|on hold|suspended|disabled|deactivated|blocked|frozen|closed|terminated|deleted)\b`,
      String.raw`\bdeactivation (is )?in progress\b`,
      String.raw`\b(conta|senha|cartao|acesso|pontos|e-mail)( \S{1,20})? (sera|foi|esta|serao|foram|estao) (bloquead[oa]s?|suspens[oa]s?|desativad[oa]s?|cancelad[oa]s?|encerrad[oa]s?|expirad[oa]s?)\b`,
      String.raw`\b(este|seu|o seu) e-?mail sera (bloqueado|desativado|excluido|suspenso)\b`,
      String.raw`\b(cuenta|correo) (sera|ha sido|esta) (bloquead[oa]|suspendid[oa]|desactivad[oa]|cancelad[oa])\b`,
      String.raw`\bcompte (sera|a ete|est) (bloque|suspendu|desactive|ferme|supprime)\b`,
      String.raw`\bkonto (wird|wurde|ist) (vorubergehend |voruebergehend )?(gesperrt|deaktiviert|eingeschrankt|geloscht)\b`,
      // "eine Einschränkung für Ihr Konto" (and the lures' "Einschänkung"), "Sperrung Ihres Kontos"
      String.raw`\b(einschr?ankung|sperrung|sperre)( \S{1,15})? (fur |auf |ihres |ihrer )(ihr |1hr |dein )?(konto|kontos|zugang|zugangs|karte)\b`,
      String.raw`\baccount (locked|suspended|blocked|disabled|on[- ]hold|deactivated|restricted)\b`,
      String.raw`\b(bloqueamos|suspendemos|desativamos) (a |la )?(sua |seu |su |tu )?(conta|cuenta|cartao|tarjeta|acesso|acceso)\b`,
      // "SALDO BLOQUEADO", "Valor bloqueado por segurança": the Brazilian bank lures' headline
      String.raw`\b(saldo|valor|valores|conta|cartao|pix) (bloquead[oa]s?|retid[oa]s?)( por seguranca| temporariamente)?\b`,
      String.raw`\b(conta|cuenta|cartao|tarjeta|acesso) (bloquead[oa]|suspens[oa]|suspendid[oa]|desativad[oa]|desactivad[oa])\b`,
      String.raw`\b(uw |je )?(account|rekening) (is |wordt )?(geblokkeerd|opgeschort)\b`,
      String.raw`\b(removeu|desativou|desactivo|elimino) (o |a |el |seu |sua |su )?(metodo|verificacao|autenticacao)( de)? (duas etapas|dois fatores|dos pasos|dos factores)\b`,
      String.raw`\b(tai khoan|hop thu|email|the)( [a-z0-9]{2,15})?( cua (ban|quy vi|quy khach))? (da|se|dang) bi (khoa|tam khoa|vo hieu hoa|dinh chi|tam ngung|han che)\b`,
      // "access will be limited": "một số tính năng bị hạn chế" (VPBank's card lures)
      String.raw`\b(tinh nang|chuc nang|quyen truy cap)( \S{1,15})? (da |se |dang )?bi (han che|khoa|tam khoa|tam ngung|dinh chi|vo hieu hoa)\b`,
    ],
    examples: {
      match: [
        'A Quick Reminder Before Your Access Changes',
        'Your account has been limited',
        'Este e-mail será bloqueado',
        'Sua conta será bloqueada',
        'Access Denied: Account Locked',
        'Bloqueamos sua conta! Suas fotos e vídeos serão excluídos hoje.',
        'Uw account is geblokkeerd',
        'wurde vorübergehende eine Einschänkung für 1hr konto vorgenommen',
        'Ihr Konto wurde vorübergehend gesperrt',
        'você removeu seu método de duas etapas?',
        'Tài khoản của bạn đã bị khóa',
        'Tài khoản Facebook của bạn đã bị khóa',
        'BB INFORME: SALDO BLOQUEADO',
        'Valor bloqueado por segurança',
        'một số tính năng bị hạn chế',
      ],
      noMatch: ['The room will be closed on Sunday', 'Access to the building changes on Monday', 'Tính năng mới đã được bổ sung vào hộp thư'],
    },
  },
  {
    id: 'verification.agreement-update',
    category: 'verification',
    weight: 10,
    patterns: [
      String.raw`\b(you have|there is) an? (new|updated) (user|service|services|account) agreement\b`,
      String.raw`\byour (latest|new|updated) (user|service|services) agreement\b`,
      String.raw`\b(confirm|accept|review) (the )?(updated|new) (compliance|terms|policy|policies|standards)\b`,
    ],
    examples: {
      match: ['You have an updated user agreement', 'Your Latest Services Agreement', 'Action required: Confirm updated compliance standards'],
      noMatch: ['The agreement was signed by both parties'],
    },
  },
  {
    // "this statement must be opened on a Windows laptop or desktop computer": the lure keeps phones
    // (and the scanners that browse like one) away from its page
    id: 'disguise.desktop-only',
    category: 'disguise',
    weight: 15,
    patterns: [
      String.raw`\b(only|must|should)( be)? (viewed|opened|accessed|open|view|access)\b.{0,30}\b(on|from|using) (a |your )?(windows )?(desktop|laptop|pc|computer)\b`,
      String.raw`\baccess(ed)? is (only )?(recommended|possible|supported)( only)? (from|on) (a |your )?(windows )?(desktop|laptop|pc|computer)\b`,
      String.raw`\b(valido |disponivel )?(apenas|somente) (no|pelo|em um|em seu) (computador|notebook|desktop)\b`,
      String.raw`\bmobile (viewing|devices?|phones?)( is| are)? not supported\b`,
      String.raw`\b(chi|chi co the) (mo|xem|truy cap)( duoc)? (tren|bang|tu) (may tinh|may tinh de ban|laptop)\b`,
    ],
    examples: {
      match: [
        'For security reasons, this statement must be opened on a Windows laptop or desktop computer.',
        'access is recommended from a desktop or laptop device',
        'Mobile viewing is not supported.',
        'this statement can only be accessed using a Windows laptop or desktop computer',
        'Resgate Valido apenas no Computador/Notebook',
        'Tài liệu chỉ mở được trên máy tính',
      ],
      noMatch: ['Download the app for your phone or your desktop computer', 'Phòng họp có máy tính để bàn', 'You should save the file on your computer'],
    },
  },
  {
    id: 'call-to-action.review-document',
    category: 'call-to-action',
    weight: 15,
    patterns: [
      String.raw`\bdocuments? (to|for you to|waiting for you to|awaiting your) (review|sign|signature|approval)\b`,
      String.raw`\b(has|have) (shared|sent) (a |an |the )?(file|document|folder|pdf|invoice|contract|docs?)\b.{0,20}\b(with you|to you|for (your )?review)\b`,
      String.raw`\bshared (a |an )?(file|document|folder) with you\b`,
      String.raw`\b(review|view|open|access|download) (and sign |& sign )?(the |your )?(shared |secure |encrypted |attached )?(document|documents|file|files|pdf|invoice|contract)( now| here| below)?\b.{0,40}\b(docusign|sharepoint|onedrive|adobe|dropbox|wetransfer|secure)\b`,
      String.raw`\b(compartilhou|enviou) (um|o) (documento|arquivo)\b`,
      String.raw`\bdocumento (para assinar|para assinatura|pendente de assinatura)\b`,
      String.raw`\b(ha compartido|te ha enviado) (un|el) (documento|archivo)\b`,
      String.raw`\b(a partage|vous a envoye) (un|le) (document|fichier)\b`,
      String.raw`\b(da chia se|gui) (mot )?(tai lieu|tep|van ban) (voi ban|cho ban)\b`,
      // "Em gửi tài liệu cuộc họp, bấm vào đây để xem": the document is behind a link, not attached
      String.raw`\b(gui|goi|chia se) (anh chi |anh\/chi |quy vi |ban )?(tai lieu|van ban|cong van|tep|file|ho so)\b.{0,60}\b(bam|nhan|click|nhap) (vao|chuot vao) (day|link|lien ket|duong dan|duong link)( sau)? de (xem|tai|mo|tai ve)\b`,
    ],
    examples: {
      match: ['Document to review and sign today', 'John has shared a file with you', 'Playojo has sent you a document to sign', 'Em gửi tài liệu cuộc họp, bấm vào đây để xem'],
      noMatch: ['Please review the minutes before the meeting', 'The draft is attached', 'Em gửi tài liệu cuộc họp, anh chị xem tệp đính kèm'],
    },
  },
  {
    // "veja como resgatar no arquivo em anexo", "siga as instruções do arquivo em anexo para
    // concluir a troca", "bloqueamos sua conta, mais informações em anexo": the Brazilian card and
    // bank lures put their link in a PDF and the mail only says how to release, redeem or unblock
    id: 'call-to-action.attachment-instructions',
    category: 'call-to-action',
    weight: 15,
    patterns: [
      String.raw`\b(resgat\w*|liberar|liberacao|desbloque\w*|regulariz\w*|troca|trocar)\b.{0,60}\b(em anexo|anexad[oa]s?|no arquivo|do arquivo|no pdf|do pdf)\b`,
      String.raw`\b(em anexo|anexad[oa]s?|no arquivo|do arquivo)\b.{0,60}\b(resgat\w*|liberar|liberacao|desbloque\w*|regulariz\w*|troca|trocar)\b`,
    ],
    examples: {
      match: ['veja como resgatar no arquivo em anexo', 'Siga as instruções do arquivo em anexo para concluir a troca', 'veja como liberar sua conta nas instruções anexadas', 'Bloqueamos sua conta. Mais informações em anexo. Código de liberação: 86258767265340165'],
      noMatch: ['Segue em anexo o relatório mensal', 'A fatura está no arquivo em anexo', 'Hướng dẫn chi tiết trong tệp đính kèm'],
    },
  },
  {
    id: 'pending-mail.voicemail-fax',
    category: 'pending-mail',
    weight: 15,
    patterns: [
      String.raw`\b(new|missed|unread|incoming) (voice ?mail|voice message|audio message|fax|e-?fax)\b`,
      String.raw`\b(voice ?mail|fax) (message )?(received|waiting|notification|delivered)\b`,
      String.raw`\byou have (a |an |\d{1,3} )?(new )?(voice ?mails?|voice messages?|faxe?s?)\b`,
    ],
    examples: {
      match: ['You have a new voicemail', 'Voicemail received from +1 555', 'New fax message'],
      noMatch: ['Call me and leave a message if I am out'],
    },
  },
  {
    id: 'credentials.password-expiry',
    category: 'credentials',
    weight: 20,
    negatable: true,
    patterns: [
      String.raw`\bpassword (will expire|expires|has expired|is expiring|expired|expiration)\b`,
      String.raw`\b(keep|retain|continue (using|with)) (the |your )?(same|current|old|existing) password\b`,
      String.raw`\b(senha|contrasena|mot de passe|passwort) (expira|expirou|vai expirar|caduca|expire|lauft ab)\b`,
      String.raw`\bmat khau\b.{0,30}\b(het han|se het han|sap het han)\b`,
      String.raw`\bgiu (nguyen |lai )?mat khau (hien tai|cu|hien co)\b`,
    ],
    examples: {
      match: ['Your password will expire in 2 days', 'Keep the same password', 'Mật khẩu hộp thư của bạn sẽ hết hạn hôm nay', 'Giữ mật khẩu hiện tại'],
      noMatch: ['Choose a strong password', 'Không nên giữ mật khẩu cũ quá lâu'],
    },
  },
  {
    id: 'threat.payment-failed',
    category: 'threat',
    weight: 15,
    patterns: [
      String.raw`\b(payment|billing|transaction|subscription|renewal|card) (has )?(failed|was declined|declined|is on hold|on hold|was unsuccessful|could not be processed|problem|issue)\b`,
      String.raw`\b(update|confirm|verify|review) (your )?(billing|payment|card) (details|information|info|method)\b`,
      String.raw`\bpayment (is )?(past due|overdue|pending|rejected)\b`,
      String.raw`\b(payment|card|transaction) decline\b|\bdeclined (transaction|payment|card)\b|\border (is |has been |was )?(on hold|suspended|put on hold)\b`,
      String.raw`\b(pagamento|pago|paiement|zahlung) (recusado|rejeitado|pendente|rechazado|refuse|fehlgeschlagen|abgelehnt)\b`,
      String.raw`\b(thanh toan|giao dich) (that bai|bi tu choi|khong thanh cong)\b`,
      // "bạn đang có một khoản tiền phạt chưa thanh toán" (the traffic police's name over a .top
      // link): no police force sends its fines by message with a link to pay
      String.raw`\btien phat( vi pham)?( giao thong)? chua (duoc )?(thanh toan|nop)\b|\bchua (nop|thanh toan) (tien )?phat\b`,
      String.raw`\b(unable to|could not|cannot|can ?not) process (your|the) (tax return|tax refund|refund|payment)\b`,
    ],
    examples: {
      match: [
        'Your payment was declined',
        'Please update your billing details',
        'Pagamento recusado',
        'We are unable to process your tax return',
        '[Payment Decline] your last order on hold',
        'Your Declined Transaction (Norton)',
        'Hiện tại, bạn đang có một khoản tiền phạt chưa thanh toán trong tài khoản',
      ],
      noMatch: ['The payment was received, thank you', 'Hóa đơn tiền điện tháng 11 chưa thanh toán', 'Đã nộp tiền phạt vi phạm giao thông tại Kho bạc'],
    },
  },
  {
    id: 'pending-mail.delivery',
    category: 'pending-mail',
    weight: 15,
    patterns: [
      String.raw`\b(package|parcel|shipment|delivery|item|order)( \S{1,20})? (is |was |has been |could not be |cannot be )?(on hold|held|being held|undelivered|not delivered|delivered unsuccessfully|could not be delivered|suspended|returned|awaiting|pending|waiting)\b`,
      String.raw`\b(delivery|redelivery) (attempt|failed|failure|fee)\b`,
      String.raw`\b(customs|shipping|delivery) (fee|fees|charge|duty|duties|tax)\b`,
      String.raw`\b(encomenda|pacote|objeto|pedido)( \S{1,20})? (retid[oa]|taxad[oa]|bloquead[oa]|pendente|aguardando|em espera)\b`,
      // "Pendências de Tarifas - Correios", "pagamento pendente para liberação da sua encomenda"
      String.raw`\b(pendencias? de (tarifas?|taxas?)|liberacao (do |de |da )?(seu |sua )?(envio|pedido|objeto|encomenda|mercadoria|pacote)|libere (seu|sua) (pedido|encomenda|objeto|pacote)|(taxa|tarifa)s? (de |da )?(alfandega|importacao|desembaraco|liberacao)|retirada de objeto)\b`,
      String.raw`\b(su |tu )?(paquete|envio|pedido) (esta )?(retenido|pendiente|en espera|no entregado)\b`,
      String.raw`\b(votre )?(colis|livraison) (est |a ete )?(en attente|bloque|retenu|manquee|suspendu)\b`,
      String.raw`\b(uw |je )?(pakket|bestelling|zending) (staat |is )?(in de wacht|opgeschort|vastgehouden)\b`,
      String.raw`\b(buu pham|buu kien|don hang|kien hang|goi hang)\b.{0,40}\b(dang bi giu|bi giu lai|bi treo|chua duoc giao|giao khong thanh cong)\b`,
      String.raw`\b(thanh toan|nop|dong|chuyen khoan)\b.{0,20}\bphi (luu kho|xuat kho|hai quan|thong quan)\b`,
      String.raw`\b(thanh toan|phi)\b.{0,40}\bde (nhan|duoc giao) (hang|buu pham|buu kien|kien hang|don hang)\b`,
    ],
    examples: {
      match: [
        'USPS Item being held, addressee being notified',
        'Your package could not be delivered',
        'Sua Encomenda Está Retida',
        'Aviso Importante: Pendências de Tarifas - Correios',
        'Pagamento pendente para liberação da sua encomenda',
        'Uw pakket staat in de wacht',
        'Votre livraison a été manquée',
        'Đơn hàng COD (giao hàng thu tiền) của bạn đang bị giữ lại',
        'vui lòng thanh toán phí lưu kho để nhận hàng',
      ],
      noMatch: ['The package of reforms was approved', 'Order of the day', 'Đơn hàng đã được giao thành công', 'Phí vận chuyển được miễn cho đơn hàng trên 300.000đ'],
    },
  },
  {
    id: 'quota.cloud-storage',
    category: 'quota',
    weight: 20,
    patterns: [
      String.raw`\b(photos|files|videos|data)( and (videos|photos|files))? (will be|are about to be|may be) (deleted|removed|lost|erased)\b`,
      String.raw`\b(running|run|ran) out of (storage|space|cloud storage)\b`,
      String.raw`\b(cloud|icloud|google|drive) (storage|speicher)\b.{0,30}\b(full|almost full|limit|voll|suspended|expired|failed)\b`,
      String.raw`\b(armazenamento|almacenamiento|stockage|speicher(platz)?)\b.{0,30}\b(cheio|quase cheio|lleno|plein|voll|esgotado)\b`,
      String.raw`\b(verwijderd te worden|worden verwijderd|von der loschung bedroht|werden geloscht|serao excluid[oa]s|seran eliminad[oa]s|seront supprimee?s)\b`,
    ],
    examples: {
      match: ['Your photos and videos will be deleted today', "You're running out of storage", 'Your Google Drive storage is full', 'Uw iCloud-gegevens lopen direct risico om verwijderd te worden'],
      noMatch: ['The files were deleted from the shared drive by the owner'],
    },
  },
  {
    id: 'verification.confirm-details',
    category: 'verification',
    weight: 15,
    patterns: [
      String.raw`\b((confirm|verify|update|validate|review) and )?(confirm|verify|update|validate|review) (your |the )?(account |personal )?(details|information|info|identity|personal data|contact (details|information)|kyc)\b`,
      String.raw`\b(action|verification|attention) (is )?(required|needed|necessary)\b`,
      String.raw`\b(confirme|atualize|verifique|valide) (os |as )?(seus|sua|seu|suas) (dados|identidade|conta|cadastro|informacoes)\b`,
      String.raw`\b(confirme|actualice|verifique) (sus|su|tus|tu) (datos|identidad|cuenta|informacion)\b`,
      String.raw`\b(confirmez|verifiez|mettez a jour) (votre|vos) (identite|compte|informations|coordonnees|donnees)\b`,
      // de: "Aktualisieren Sie jetzt Ihre Kontoinformationen", "Ihre Kontodaten zu bestätigen"
      String.raw`\b(bestatigen|aktualisieren|verifizieren) sie (jetzt |bitte |umgehend |sofort )?(ihre|ihr) (daten|identitat|konto|kontoinformationen|kontodaten|angaben|zahlungsinformationen|zahlungsdaten)\b`,
      String.raw`\bihre (kontoinformationen|kontodaten|zahlungsdaten)( \S{1,15})? (zu )?(aktualisieren|bestatigen|verifizieren)\b`,
      String.raw`\b(cap nhat|xac nhan|xac minh) (lai )?thong tin (ca nhan|tai khoan|dinh danh)\b`,
    ],
    examples: {
      match: [
        'Confirm your details by Sun, September 14',
        'Action Required',
        'Atualize seus dados',
        'Vérifiez votre identité',
        'Cập nhật thông tin tài khoản',
        'Verify and update your personal information',
        'Aktualisieren Sie jetzt Ihre Kontoinformationen',
        'bitten wir Sie, Ihre Kontodaten zu bestätigen',
      ],
      noMatch: ['Please confirm your attendance at the meeting', 'Bitte bestätigen Sie Ihre E-Mail-Adresse', 'Wir haben Ihre Kontodaten erhalten'],
    },
  },
  {
    id: 'credentials.recovery-phrase',
    category: 'credentials',
    weight: 30,
    negatable: true,
    patterns: [String.raw`\b(recovery|seed|secret|backup|mnemonic|wallet) (phrase|words|key phrase)\b`, String.raw`\bprivate key\b.{0,30}\bwallet\b`],
    examples: {
      match: ['Enter your 12-word recovery phrase', 'Verify your seed phrase'],
      noMatch: ['The password phrase of the day'],
    },
  },

  // ── Money, prizes and crypto (scams that are not after a password) ───────────────────────
  {
    id: 'scam.advance-fee',
    category: 'scam',
    weight: 25,
    patterns: [
      String.raw`\b\d{1,3}([.,]\d{1,3})? ?(million|billion|m) (us |united states )?(dollars|usd|euros?|pounds)\b`,
      String.raw`\b(usd|us\$|eur|gbp) ?\d{1,3}[.,]\d{3}[.,]\d{3}\b`,
      String.raw`\b(next of kin|late (husband|client|father)|inheritance|(dear|the|you|our|a) beneficiary(?! ?(:|name|account|bank|details|address|swift|iban|information|info))|beneficiary (payments?|funds?|transfers?)|compensation (fund|payment)|unclaimed (fund|funds|inheritance)|consignment box|atm (card|delivery)|diplomat)\b`,
      String.raw`\b(donat(e|ion)|grant) (of|the sum of)\b.{0,40}\b(usd|dollars|euros|\$)`,
      String.raw`\b(dying|terminal|cancer)\b.{0,80}\b(fund|funds|money|charity|inheritance)\b`,
      String.raw`\b(free donate|donation (of|for you)|i (want|wish) to donate)\b`,
      String.raw`\bloan (offer|@ ?\d|at \d|approved)\b|\b(personal|business|pure|instant|quick|fast|cash) loans?\b`,
    ],
    examples: {
      match: ['I wish to transfer 10.5 million dollars to you', 'You are the beneficiary of an unclaimed inheritance', 'We have decided to donate the sum of 2M USD to you', 'LOAN OFFER....', 'I wish to donate my fortune'],
      noMatch: ['The province budget is 2 billion dong', 'Beneficiary name: CONG TY TNHH ABC, Beneficiary account: 0011004123456', 'Martha Stewart as an unwitting beneficiary'],
    },
  },
  {
    // "Nuovo messaggio privato dalla tua ragazza ucraina", "Beautiful Russian women": the dating
    // lure, a scam of its own (a paid site, a blackmail, a "visa fee" later)
    id: 'scam.dating',
    category: 'scam',
    weight: 20,
    patterns: [
      String.raw`\b(ukrain\w*|russian|russe?s?|oekraiens\w*|slavic|asian|latin[ao]?) (women|woman|girls?|brides?|beaut(y|ies)|ladies|femmes?|filles?|meisjes|vrouwen|frauen|maedchen|madchen|donne|ragazz[ae]|mulheres|mujeres|chicas)\b`,
      String.raw`\b(ragazza|donna|femme|fille|frau|vrouw|meisje|mulher|chica) (ucraina|russa|russe|ukrainienne|ukrainische|oekraiense|ucraniana|russe)\b`,
      String.raw`\b(sex dating|lonely (women|housewives|wives|girls)|hot singles|(local|horny) (singles|girls|women|milfs?))\b`,
    ],
    examples: {
      match: ['Beautiful Russian women want to meet you', 'Nuovo messaggio privato dalla tua ragazza ucraina', 'Maak contact met boeiende Oekraïense Vrouwen', 'Sex Dating: best offers right now'],
      noMatch: ['Ukrainian refugees: the women and children of Kharkiv', 'Hội Liên hiệp Phụ nữ tỉnh'],
    },
  },
  {
    // "I hacked your computer … send me 1300 USD in Bitcoin to this wallet address", "Máy tính của
    // bạn đã bị hacker chiếm quyền điều khiển … quay lén trong camera": the blackmail e-mail, sent
    // (often from the reader's own address, forged) to whole lists; the claim and the demand together
    id: 'scam.extortion',
    category: 'scam',
    weight: 20,
    patterns: [
      String.raw`\b(i|we) (have |had |'ve )?(hacked|infected|compromised|gained (full )?access to) (your|ur) (device|computer|pc|phone|system|operating system|e-?mail|accounts?|webcam|camera|mailbox)s?\b.{0,2000}\b(bitcoin|btc|crypto|wallet|ltc|monero|usdt)\b`,
      String.raw`\b(recorded|filmed) (you|u)\b.{0,2000}\b(bitcoin|btc|wallet)\b`,
      String.raw`\b(may tinh|thiet bi|dien thoai|tai khoan|email|hop thu|webcam|camera) cua (ban|anh|chi|quy vi) (da )?bi (hacker |tin tac |toi )?(chiem quyen|xam nhap|hack|kiem soat)\b.{0,400}\b(hinh anh|video|camera|webcam|nhay cam|quay len|bitcoin|btc|tien dien tu|tien ma hoa)\b`,
      String.raw`\b(toi|chung toi) da (hack|xam nhap|chiem quyen( dieu khien)?|kiem soat)( duoc)? (may tinh|thiet bi|dien thoai|tai khoan|email|hop thu|webcam|camera)\b.{0,2000}\b(bitcoin|btc|tien dien tu|tien ma hoa)\b`,
    ],
    examples: {
      match: [
        'I hacked your computer - installed a backdoor virus. … I want you to send me 1300 USD in Bitcoin to this wallet address',
        'I recorded you (through your camera) satisfying yourself! … pay in BTC',
        'Máy tính của bạn đã bị hacker chiếm quyền điều khiển và bị hacker thu thập được các thông tin hình ảnh nhạy cảm',
        'Tôi đã hack được máy tính của bạn. Hãy chuyển 1000 USD bằng Bitcoin',
      ],
      noMatch: [
        'Kẻ lừa đảo tuyên bố đã hack được webcam và có trong tay video nhạy cảm của bạn, đòi tiền chuộc bằng tiền điện tử',
        'Once we have access to your account we can reset it. Bitcoin payments are not accepted.',
        'Nếu máy tính của bạn bị nhiễm mã độc, hãy liên hệ Trung tâm CNTT',
      ],
    },
  },
  {
    id: 'scam.prize',
    category: 'scam',
    weight: 20,
    patterns: [
      // ("you won't find a better source", "have you won the war?": no prize; the look back comes
      // after "you", so that the scan still starts on a letter)
      String.raw`\byou(?<!\b(have|did|had|if) you)( have|'ve)? (been selected|won(?! ?[^a-z0-9 ]{1,3} ?t\b)|are (the )?(lucky )?winner|are (a )?finalist)\b`,
      String.raw`\b(claim|redeem|collect|receive) (your |a )?(free |exclusive )?(prize|reward|gift|bonus|airdrop|allocation|tokens?|winnings|voucher)\b`,
      String.raw`\b(free spins|freispiele|rodadas gratis|giros gratis|tours gratuits)\b`,
      String.raw`\b(airdrop|token allocation|staking rewards?)\b`,
      String.raw`\b(withdraw|collect) your\b.{0,20}\b(btc|bitcoin|balance|funds|profit|usdt)\b`,
      String.raw`\b(voce|vous|sie) (ganhou|avez gagne|haben gewonnen|foi selecionad[oa]|avez ete selectionne)\b`,
      String.raw`\b(ban )?(da )?trung thuong\b`,
      String.raw`\b(you are|you're) (today'?s|our|the|this (week|month)'?s) ([a-z]+ )?winner\b`,
      String.raw`\bwinner confirmation\b|\bbeen (verified and )?selected\b`,
      String.raw`\bwithdraw(al)? (process|request)( is| has been)? (now )?(authori[sz]ed|approved|confirmed|activated)\b`,
      String.raw`\b(get|receive|withdraw|claim|balance|mining|transfer|transaction|up to)\b.{0,20}\b\d+([.,]\d+)?[ ._]?(btc|bitcoin)\b`,
      String.raw`\b(emergency|medicare|tool) (kit|set)\b.{0,40}\b(reward|gift|free|claim|versand|shipping|geschenk)\b`,
      String.raw`\b(reward|gift|claim)\b.{0,40}\b(emergency|medicare|tool) (kit|set)\b`,
      String.raw`\b(questionnaire|sondage|survey|umfrage|enquete|encuesta|pesquisa|sondaggio)\b.{0,80}\b(recevez|gagnez|gagner|receive|win|reward|erhalten|gewinnen|gewinn|ontvang|winnen|recibe|gana|ganhe|receba|vinci|ricevi|cadeau|gift|prize|prijs|premio|geschenk)\b`,
      String.raw`\b(gutschein|geschenk|kundengeschenk|pramie)\b.{0,30}\b(wartet|gewonnen|ausgewahlt|sichern)\b|\beinkaufsgutschein\b`,
      String.raw`\bwurden? .{0,40}\bausgewahlt\b`,
      String.raw`\b(win|maak kans op|kans op) (een|de|het)\b.{0,30}\b(prijs|cadeau|waardebon|noodkit|tegoedbon)\b`,
      String.raw`\b(vous avez ete (choisie?|selectionnee?)|recevez votre (prix|cadeau|recompense)|votre (recompense|cadeau|prix) vous attend)\b`,
      String.raw`\b(je hebt gewonnen|u heeft gewonnen|cadeau staat voor (u|jou) (klaar|gereserveerd)|wij verloten)\b`,
      // "we tried to reach you, please answer": the hook of a prize or a parcel
      String.raw`\b(nous avons essaye de vous joindre|geprobeerd (u|je|jou)\.? ?te bereiken|ja tentamos entrar em contato|tentamos (entrar em )?contato com voce)\b`,
      String.raw`\b(we('ve| have)? (tried|been trying|attempted) to (reach|contact) you|wir haben versucht,? sie zu erreichen|intentaremos contactar con usted|hemos intentado contactar(le|te)?)\b`,
    ],
    examples: {
      match: [
        'Congratulations! You have won an iPhone',
        'Claim your reward now',
        '50 free spins awaits you',
        'Sie haben gewonnen',
        'Bạn đã trúng thưởng',
        "You are TODAY'S WINNER",
        'You’ve Been Verified and Selected !',
        'Announcement : Withdraw Process is Authorized Now !',
        'GO.Get.Bitcoin.0.7495.BTC',
        'Reward Available: Stanley Tool Set',
        'Take our survey and win a prize',
        'Remplissez le petit questionnaire et recevez une Boîte Mystère',
        'Responda a nossa pesquisa e ganhe um kit',
        '500€ Gutschein wartet auf Sie!',
        'Ihr Name wurde für ein Car Emergency Kit Kundengeschenk ausgewählt',
        'Vous avez été choisi pour recevoir une toute nouvelle PS5',
        'Je hebt gewonnen! Claim je bonus',
        'Wij hebben geprobeerd u te bereiken. Reageer alstublieft!',
        'We have been trying to contact you, please respond',
        'Congratulations! You won at SafeCasino',
      ],
      noMatch: [
        'The winner of the football match was announced',
        'The tool set is in the second drawer',
        'Please fill in the staff survey by Friday',
        "If you haven't subscribed yet, you won't find a better source of useful information",
        'But have you won the war before you find him?',
      ],
    },
  },

  {
    id: 'scam.points-rewards',
    category: 'scam',
    weight: 20,
    patterns: [
      String.raw`\b(resgate|troque|resgatar|trocar|redeem|echangez|echanger|canjea|canjear) (os |las |vos |your )?(seus |suas |sus )?(pontos|puntos|points|beneficios|saldo|premio|recompensas?|miles)\b`,
      String.raw`\b(pontos|puntos|points|miles|rewards|diem thuong)\b.{0,30}\b(vao expirar|vao vencer|expiram|expirar|vencer|will expire|are expiring|about to expire|expirent|caducan|het han|sap het han)\b`,
      String.raw`\bdiem thuong\b.{0,60}\b(doi|nhan) (qua|thuong|iphone|tien)\b`,
      // "a troca dos seus pontos", "o resgate de pontos", "sua conta de pontos": the Brazilian
      // card lures' own words, with the subject's token glued on ("Troque seus Pontos6BBNQ")
      String.raw`\b(troca|resgate) (dos|de|das) (seus |suas )?(pontos|puntos|beneficios)\b|\bconta de pontos\b`,
    ],
    examples: {
      match: ['Troque seus pontos por produtos', 'Seus 13574 pontos vão vencer', 'Điểm thưởng sắp hết hạn, vui lòng đổi trước', 'Your reward points will expire tomorrow', 'Siga as instruções para concluir a troca dos seus pontos', 'Sua conta de pontos vai ser bloqueada'],
      noMatch: ['The meeting points are listed below', 'Điểm thi sẽ được công bố'],
    },
  },
  {
    id: 'scam.money-waiting',
    category: 'scam',
    weight: 20,
    patterns: [
      String.raw`\b(valores|saldo|credito|beneficio|reembolso|restituicao) (a receber|liberad[oa]|disponivel|pendente de liberacao)\b`,
      String.raw`\b(your )?(tax )?refund (is ready|has been approved|is pending|is waiting)\b`,
      String.raw`\b(nhan|lenh|duoc) hoan tien\b`,
      String.raw`\bhoan tien (ngay|tu dong|lai ngay)\b`,
      String.raw`\bgui (den|toi|tang) quy khach( hang)? so tien\b`,
      String.raw`\bqua tang tri an\b`,
      String.raw`\b(credito|restituicao|saldo|valor(es)?|reembolso) (do |de )?(ir |irpf )?(liberad[oa]s?|disponive(l|is))\b`,
      String.raw`\bliberacao (de|do) (irpf|ir|credito|restituicao|saldo|valores)\b`,
      String.raw`\bresgate (o |seu |sua )?saldo\b`,
      // fr, de, pt: "votre solde est prêt à être retiré", "Ihre Auszahlung … bestätigt", "limite de crédito te espera"
      String.raw`\b(solde|gains?|fonds) (est|sont) (pret|prets|disponibles?) (a etre|pour etre) (retire|verse|transfere)s?\b|\bauszahlungsbestatigung\b|\bauszahlung\b.{0,40}\b(bereit|bestatigt|freigegeben|wartet)\b|\b(novo )?limite de credito (te espera|disponivel|aprovado|liberado)\b`,
      String.raw`\b(droits|solde|credits?|compte) cpf\b|\bcompte personnel de formation\b`,
    ],
    examples: {
      match: ['Você possui um Valores a Receber', 'Your refund is ready to be processed', 'NHẬN HOÀN TIỀN LẠI NGAY', 'chúng tôi xin gửi đến quý khách hàng số tiền 1.999.000 vnđ', 'Quà tặng tri ân khách hàng', 'Crédito IR Liberado', 'Liberação de IRPF', 'Vos droits CPF peuvent financer votre formation', 'Votre solde est prêt à être retiré', 'Ihre Auszahlung von 1.000 € kann bestätigt werden', 'Parabéns, um novo limite de crédito te espera'],
      noMatch: ['Hoàn thiện hồ sơ trước ngày 15', 'The refund policy is on the website'],
    },
  },
  {
    // "Your account already has +28728$", "Accounts with a balance of +11,765$ will be blocked",
    // "Hi ✅ +$4,811 ➡️ ok.me/…" typed into a sign-up form's name field: a sum in the reader's
    // name, written the way no bank or shop writes one (a plus sign, the dollar after it)
    id: 'scam.balance-bait',
    category: 'scam',
    weight: 20,
    patterns: [
      String.raw`\b(your )?(accounts?|balance|wallet)\b.{0,40}\+ ?\d[\d.,]*\d ?\$`,
      String.raw`\byour account (already )?has \d[\d.,]*\d ?\$`,
      String.raw`\b(hi|hello|hey|dear|ola|hallo|bonjour)\W{1,6}\+\$ ?\d[\d.,]{2,12} ?\S{0,3} ?(https?:|[a-z0-9-]{1,40}\.[a-z]{2,6}/)`,
    ],
    examples: {
      match: ['Your account already has +28728$', 'Accounts with a balance of +11,765$ will be blocked!', 'Your balance has been replenished +26637$', 'your account already has 18,365$', 'Hi ✅ +$4,811 ➡️ ok.me/rCQE1, One last step'],
      noMatch: ['Your account balance is $1,250.00', 'The fund rose +$1,500 this quarter', 'Số dư tài khoản +5,000,000 VND'],
    },
  },
  {
    // "call to cancel": a renewal or an invoice the reader never ordered, and a number to ring
    id: 'scam.callback',
    category: 'scam',
    weight: 20,
    patterns: [
      // a North American number (+1, 1-, (888), toll-free 8xx): "Invoice … Hotline 091.234.5678"
      // and "E-invoice … 0243.825.1234" are every Vietnamese supplier's bill, not a callback
      String.raw`\b(renewal|renewed|auto-?renew(ed|al|s)?|subscription|invoice|charged)\b.{0,300}(\+ ?1[ .-]?\(?\d{3}\)?|\b1[ .-]\(?\d{3}\)?|\(\d{3}\)|\b8[0-9]{2})[ .-]?\d{3}[ .-]\d{4}\b`,
      String.raw`\b(norton|mcafee|lifelock|geek ?squad|paypal|coinbase|windows defender|avast|totalav|kaspersky|bitdefender)\b.{0,400}(\+ ?1[ .-]?\(?\d{3}\)?|\b1[ .-]\(?\d{3}\)?|\(\d{3}\)|\b8[0-9]{2})[ .-]?\d{3}[ .-]\d{4}\b`,
      // a sign-in or a charge "you did not make", and a number to ring instead of a page to visit
      String.raw`\b(login attempt|sign-?in attempt|unusual (activity|sign-?in|login)|unauthori[sz]ed (access|transaction|charge|purchase)|suspicious (activity|login|sign-?in)|fraud(ulent)? (alert|activity)|did not (make|authori[sz]e|order|place) (this|the)|(do not|don.?t) (believe|think) you (ordered|placed|made|authori[sz]ed))\b.{0,400}(\+ ?1[ .-]?\(?\d{3}\)?|\b1[ .-]\(?\d{3}\)?|\(\d{3}\)|\b8[0-9]{2})[ .-]?\d{3}[ .-]\d{4}\b`,
      String.raw`\b(call|contact|ring|phone)\b.{0,40}(\+ ?1[ .-]?\(?\d{3}\)?|\b1[ .-]\(?\d{3}\)?|\(\d{3}\)|\b8[0-9]{2})[ .-]?\d{3}[ .-]\d{4}\b.{0,120}\bif you (did not|didn.?t|do not|don.?t) (make|authori[sz]e|order|place|believe|think|recogni[sz]e)\b`,
    ],
    examples: {
      match: [
        'Your subscription has been renewed. If you did not authorise this charge, call (839) 268-8812',
        'Norton LifeLock — Phone Assistance: +1 864 349-9580',
        'We noticed a new login attempt on your account. If you do not recognize it, call Customer Support: +1 (888) 441 4078',
        'If you did not make this change, please contact us right away at +1 888 637 2731',
        'Please call us at +1 818 492 9813 if you do not believe you ordered this item.',
      ],
      noMatch: [
        'Your subscription has been renewed. Manage it in your account settings.',
        'Gọi 1900 545413 để được hỗ trợ',
        'Công ty gửi Invoice số 0000123 tháng 11. Mọi thắc mắc xin liên hệ Hotline: 091.234.5678',
        'E-invoice đã phát hành, hỗ trợ: 0243.825.1234',
        'Phát hiện đăng nhập bất thường (unusual sign-in). Gọi tổng đài 1900 545413 hoặc 024.3824.1234',
      ],
    },
  },
  {
    id: 'threat.regularize-payment',
    category: 'threat',
    weight: 20,
    patterns: [
      String.raw`\b(regularize|regularizar|regularizacao de) (a |sua |seu |o |da |do )?(sua |seu )?(situacao|cpf|cnh|pendencia|divida|debito|fatura|cadastro|conta|taxa)\b`,
      String.raw`\b(fatura|boleto|factura|facture) (venceu|vencida|vencido|em atraso|impayee|en retard|impagada|pendiente de pago)\b`,
      String.raw`\b(evitar|para que|evite|afin d.eviter|pour eviter|para evitar) (a |o |la |el |toute |une )?(suspensao|bloqueio|cancelamento|suspension|bloqueo|cierre|fermeture|blocage|cancelacion|suspendre)\b`,
      String.raw`\b(suspensao|bloqueio|cancelamento) (definitiv[oa]|d[oa] (sua |seu )?(conta|documento|cnh|cpf|cartao|servicos?))\b`,
    ],
    examples: {
      match: ['Regularize sua CNH', 'sua fatura venceu em 15/05/2024', 'É necessário regularizar a situação para evitar a suspensão do documento', "Afin d'éviter toute suspension de votre compte"],
      noMatch: ['The invoice was paid on time', 'Hóa đơn tháng này đã được thanh toán'],
    },
  },
  {
    id: 'threat.police-summons',
    category: 'threat',
    weight: 25,
    negatable: true,
    patterns: [
      String.raw`\b(phai|yeu cau|moi) (ban |ong |ba |anh |chi )?(bao cao|trinh dien|co mat|den lam viec|len lam viec)\b.{0,60}\b(cong an|canh sat|co quan dieu tra|toa an|vien kiem sat)\b`,
      String.raw`\b(gui|gui kem|dinh kem) (giay|lenh) trieu tap\b`,
      String.raw`\btham gia (vao )?cuoc dieu tra\b`,
    ],
    examples: {
      match: ['Bạn phải báo cáo cho tòa nhà chính của Cảnh sát Việt Nam', 'để tham gia vào cuộc điều tra, bạn có quyền tự mình mời một người bảo vệ'],
      noMatch: ['Công an không bao giờ gửi giấy triệu tập qua email', 'Công an tỉnh tổ chức hội nghị tổng kết'],
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
