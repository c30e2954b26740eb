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

/**
 * A warning quotes a lure's phrase or its subject line (“tài khoản bị khóa”, “Bạn phải cung cấp
 * thông tin trong vòng 24 giờ”); a longer quotation is either an unbalanced mark or a whole lure
 * reproduced, which still reads as a lure and is left to the sender's context (combine.ts).
 */
const longestQuote = 120;

/** The mark that closes a quote opened by each mark. */
const closers: Readonly<Record<string, string>> = { '"': '"', '“': '”', '«': '»', '„': '“”' };
const quoteMark = /["“”«»„]/g;

/**
 * The quoted stretches of `bare`, as [start, end) pairs in order: “…”, «…», „…“ and "…". An
 * opening mark inside an open quote starts it again (the first was unbalanced); a quote longer
 * than a phrase or a subject line is dropped.
 */
export function quotedSpans(bare: string): number[] {
  const spans: number[] = [];
  let open = '';
  let openAt = -1;
  quoteMark.lastIndex = 0;
  for (let match = quoteMark.exec(bare); match; match = quoteMark.exec(bare)) {
    const at = match.index;
    const mark = match[0];
    if (open && at - openAt > longestQuote) open = '';
    if (open && closers[open]!.includes(mark)) {
      spans.push(openAt + 1, at);
      open = '';
    } else if (mark in closers && (!open || mark !== '"')) {
      [open, openAt] = [mark, at];
    }
  }
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
 * Answers "is this match a quoted lure inside a warning?" for one text, working out the quotes
 * and the warning words only when first asked (most mail quotes nothing a rule matches).
 */
export class QuotedLures {
  private spans: number[] | undefined;
  private advisory: boolean | undefined;

  constructor(private readonly bare: string) {}

  has(start: number, end: number): boolean {
    this.spans ??= quotedSpans(this.bare);
    if (this.spans.length === 0 || !withinSpans(this.spans, start, end)) return false;
    return (this.advisory ??= isAdvisory(this.bare, 1, warningMarkers));
  }
}
