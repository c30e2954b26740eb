/**
 * The words of a warning about phishing, and the lure phrases such a warning quotes. The
 * provinces' letters, the banks' notices and the press retell lures in quotation marks ("nội
 * dung “tài khoản bị khóa”, “đăng nhập bất thường”"): inside a warning, a rule's phrase that
 * stands in quotation marks is the lure being shown, not asked of the reader.
 */

/** Words of a warning about phishing, not of phishing itself (bare form). */
const warningMarkers = [
  /\bgia mao\b/,
  /\blua dao\b/,
  /\bmao danh\b/,
  /\bma doc\b/,
  /\bcanh giac\b/,
  /\bkhong (cung cap|lam theo|thuc hien cung cap|bam|nhap chuot|click|mo tap tin)\b/,
  /\bkhong bao gio yeu cau\b/,
  /\btuyet doi khong\b/,
  /\b(lay cap|chiem doat|danh cap) thong tin\b/,
  /\ban toan thong tin\b/,
  /\bphong chong\b/,
  /\b(phishing|do not (click|provide|share)|never ask(s)? for (your )?password)\b/,
];

/**
 * For a warning letter, "do not reply" counts with the English warning words (one marker between
 * them). It is also the footer of every automated message, lures included ("Click “Verify your
 * account” … Please do not reply"), so it never makes a quotation a shown lure on its own.
 */
const advisoryMarkers = [...warningMarkers.slice(0, -1), /\b(phishing|do not (click|provide|reply|share)|never ask(s)? for (your )?password)\b/];

/**
 * Whether `bare` uses `least` different words of `markers`: two by default ("giả mạo" and "không
 * cung cấp", "lừa đảo" and "cảnh giác").
 */
export function isAdvisory(bare: string, least = 2, markers: readonly RegExp[] = advisoryMarkers): boolean {
  let found = 0;
  for (const marker of markers) {
    if (marker.test(bare) && ++found >= least) return true;
  }
  return false;
}

/** A text that is plainly a warning about phishing: two of its words, "do not reply" aside. */
function isPlainWarning(bare: string): boolean {
  return isAdvisory(bare, 2, warningMarkers);
}

/**
 * A warning quotes a lure's phrase or its subject line (“tài khoản bị khóa”, “Bạn phải cung cấp
 * thông tin trong vòng 24 giờ”): one warning word around it is enough to read it as shown.
 */
const longestQuote = 120;

/**
 * A warning may also reproduce a whole lure, an SMS or a short e-mail ("nhắn tin đến người dân
 * với nội dung: “Cảnh sát giao thông Việt Nam: … khoản tiền phạt chưa thanh toán … vui lòng truy
 * cập: https://…”"), sometimes cut short by the page that quotes it, its quotation never closed.
 * A hijacked account can wrap a lure in warning words and quotation marks as easily, and an
 * unbalanced mark looks the same: inside a text that is plainly a warning (two of its words), such
 * a match is only marked, and combine.ts discounts it when nothing around the words is a lure's —
 * no link that hides where it goes, no dangerous file, no Reply-To elsewhere.
 */
const longestQuotedLure = 1000;

/** The mark that closes a quote opened by each mark. */
const closers: Readonly<Record<string, string>> = { '"': '"', '“': '”', '«': '»', '„': '“”' };
const quoteMark = /["“”«»„]/g;

/**
 * The quoted stretches of `bare`, as [start, end) pairs in order: “…”, «…», „…“ and "…". An
 * opening mark inside an open quote starts it again (the first was unbalanced); a quote longer
 * than `longest` (by default a phrase or a subject line) is dropped. With `cutShort`, a quote
 * still open where the text ends runs to the end, if that is within `longest`.
 */
export function quotedSpans(bare: string, longest = longestQuote, cutShort = false): number[] {
  const spans: number[] = [];
  let open = '';
  let openAt = -1;
  quoteMark.lastIndex = 0;
  for (let match = quoteMark.exec(bare); match; match = quoteMark.exec(bare)) {
    const at = match.index;
    const mark = match[0];
    if (open && at - openAt > longest) open = '';
    if (open && closers[open]!.includes(mark)) {
      spans.push(openAt + 1, at);
      open = '';
    } else if (mark in closers && (!open || mark !== '"')) {
      [open, openAt] = [mark, at];
    }
  }
  if (cutShort && open && bare.length - openAt <= longest) spans.push(openAt + 1, bare.length);
  return spans;
}

/** Whether [start, end) lies within one of `spans` (from quotedSpans). */
export function withinSpans(spans: readonly number[], start: number, end: number): boolean {
  // binary search for the last span starting at or before `start`
  let low = 0;
  let high = spans.length / 2 - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (spans[2 * middle]! <= start) [found, low] = [middle, middle + 1];
    else high = middle - 1;
  }
  return found >= 0 && end <= spans[2 * found + 1]!;
}

/**
 * Answers "how does a warning show this match?" for one text, working out the quotes and the
 * warning words only when first asked (most mail quotes nothing a rule matches): 'phrase', a
 * quoted phrase inside a warning, not asked of the reader; 'lure', inside a whole lure that a
 * plain warning quotes, for combine.ts to judge; undefined, neither.
 */
export class QuotedLures {
  private spans: number[] | undefined;
  private advisory: boolean | undefined;
  private lureSpans: number[] | undefined;
  private warning: boolean | undefined;

  constructor(private readonly bare: string) {}

  shown(start: number, end: number): 'phrase' | 'lure' | undefined {
    this.spans ??= quotedSpans(this.bare);
    if (this.spans.length > 0 && withinSpans(this.spans, start, end)) {
      if ((this.advisory ??= isAdvisory(this.bare, 1, warningMarkers))) return 'phrase';
    }
    if (this.warning === false) return undefined;
    this.lureSpans ??= quotedSpans(this.bare, longestQuotedLure, true);
    if (this.lureSpans.length === 0 || !withinSpans(this.lureSpans, start, end)) return undefined;
    return (this.warning ??= isPlainWarning(this.bare)) ? 'lure' : undefined;
  }

  /** A quoted phrase inside a warning. */
  has(start: number, end: number): boolean {
    return this.shown(start, end) === 'phrase';
  }
}
