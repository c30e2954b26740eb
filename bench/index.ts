/**
 * How long score() takes: on typical messages (goal ≤ 1 ms median up to 50 KB), on a 1 MB
 * adversarial message (goal ≤ 100 ms), and how time grows from 100 KB to 1 MB (goal ≤ 12× for
 * 10× the input — linear, no backtracking blow-up).
 *
 * Run: npm run bench
 */
import { emptyMessage, type MailLink, type MailMessage } from '../lib/mail/types';
import { policyForOrganisation } from '../lib/policy/defaults';
import { score } from '../lib/scoring';
import { benignCases, letterCases, lureCases } from '../tests/unit/scoring-corpus';

const policy = policyForOrganisation('laocai.gov.vn');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function timeMedian(message: MailMessage | ((run: number) => MailMessage), runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = typeof message === 'function' ? message(i) : message;
    const started = performance.now();
    score(input, policy);
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * The median of the quietest of `batches` batches: on a shared machine (this one is a VM) another
 * tenant's load can double every run for seconds at a time, which moves a median of consecutive
 * runs as much as any change to the code. The lowest batch median is what the code costs when the
 * machine is not taken from it, the figure to compare commits by (Python's timeit says the same of
 * its minimum); the plain median is printed beside it.
 */
function quietMedian(message: MailMessage, batches = 5, runs = 40): number {
  let quietest = Infinity;
  for (let i = 0; i < batches; i++) quietest = Math.min(quietest, timeMedian(message, runs));
  return quietest;
}

function sizeOf(message: MailMessage): number {
  return message.text.length + message.subject.length + message.links.reduce((sum, l) => sum + l.href.length + l.text.length, 0);
}

function kb(chars: number): string {
  return `${(chars / 1024).toFixed(1)} KB`;
}

const officeReport =
  'Thực hiện Kế hoạch số 125/KH-UBND ngày 15/3/2024 của Ủy ban nhân dân tỉnh về chuyển đổi số năm 2024, ' +
  'Sở Thông tin và Truyền thông báo cáo kết quả thực hiện trong quý II như sau: hạ tầng số tiếp tục được ' +
  'đầu tư, 100% cơ quan nhà nước cấp tỉnh đã kết nối mạng truyền số liệu chuyên dùng; tỷ lệ hồ sơ giải quyết ' +
  'trực tuyến toàn trình đạt 68,5%; hệ thống quản lý văn bản và điều hành được sử dụng thường xuyên tại các ' +
  'sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố. Đề nghị các đơn vị rà soát số liệu, gửi ' +
  'báo cáo bổ sung trước ngày 25 hằng tháng để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định.\n\n';

/** A realistic long message: `body` padded to about `targetChars`, with some links. */
function typicalMessage(targetChars: number, body = letterCases[0]?.message.text ?? ''): MailMessage {
  const letter = body;
  let text = '';
  while (text.length < targetChars) text += `${letter}\n\n`;
  const links: MailLink[] = Array.from({ length: 20 }, (_, i) => ({
    href: `https://laocai.gov.vn/tin-tuc/bai-${i}`,
    text: `Bài viết số ${i}`,
  }));
  return {
    ...emptyMessage('raw'),
    subject: 'Bản tin tuần',
    from: { name: 'Văn phòng', address: 'vanphong@laocai.gov.vn' },
    to: [{ name: '', address: 'lethic@laocai.gov.vn' }],
    text: text.slice(0, targetChars),
    links,
  };
}

/**
 * Built to hurt a naive matcher: runs of lure fragments that start many patterns and finish
 * none, invisible characters and lookalike letters everywhere, and one distinct link every
 * 100 characters (10,000 per MB) with text that looks like a domain.
 */
function adversarialMessage(targetChars: number, run = 0): MailMessage {
  const fragments = [
    'hộp thư ', 'hop thu ', 'tên người dùng ', '5 GB ', 'sẽ bị ', 'bấm vào ', 'xác minh ', 'vượt ',
    'Hộp\u200B thư\u00AD ', 'mật ', 'сủа bạn ', 'dung lượng ', 'quản trị ', 'sau 48 giờ ', 'click ', 'mailbox ',
  ];
  let text = '';
  for (let i = 0; text.length < targetChars; i++) text += fragments[i % fragments.length];
  text = text.slice(0, targetChars);
  const links: MailLink[] = Array.from({ length: Math.floor(targetChars / 100) }, (_, i) => ({
    // Fresh hosts on every run, so that no cache carries over from one run to the next.
    href: `http://h${i}-r${run}.laocai-gov${i % 7}.example.xyz/${'a'.repeat(i % 50)}?u=lethic%40laocai.gov.vn`,
    text: `mail${i}.laocai.gov.vn`,
  }));
  return {
    ...emptyMessage('raw'),
    subject: 'Hộp thư '.repeat(100),
    from: { name: 'Quản trị ' + 'Рostmaster '.repeat(20), address: 'admin@mailer-notice.com' },
    replyTo: [{ name: '', address: 'x@gmail.com' }],
    to: [{ name: '', address: 'lethic@laocai.gov.vn' }],
    text,
    links,
    attachments: Array.from({ length: 200 }, (_, i) => ({ filename: `tai lieu ${i}.pdf${'.'.repeat(i % 3)}` })),
  };
}

const firstStarted = performance.now();
score(lureCases[0]?.message ?? emptyMessage('raw'), policy);
const firstCall = performance.now() - firstStarted;

console.log('Khiên Thư — score() benchmark');
console.log(`node ${process.version}`);
console.log('');
console.log(`first call (builds the lists, compiles the rules): ${firstCall.toFixed(1)} ms`);
console.log('');
console.log('typical messages (median of 200 runs; then the lowest of 5 medians of 40 runs):');
const typical = [...lureCases, ...letterCases, ...benignCases].map((c) => ({ name: c.name, message: c.message }));
typical.push({ name: 'office report, 50 KB, no lure words', message: typicalMessage(50 * 1024, officeReport) });
typical.push({ name: 'warning letter padded to 50 KB (every lure phrase, over and over)', message: typicalMessage(50 * 1024) });
let worstTypical = 0;
let worstQuiet = 0;
for (const { name, message } of typical) {
  const ms = timeMedian(message, 200);
  const quiet = quietMedian(message);
  worstTypical = Math.max(worstTypical, ms);
  worstQuiet = Math.max(worstQuiet, quiet);
  console.log(`  ${ms.toFixed(3).padStart(7)} ms  ${quiet.toFixed(3).padStart(7)} ms  ${kb(sizeOf(message)).padStart(8)}  ${name}`);
}
console.log(`  worst median: ${worstTypical.toFixed(3)} ms; worst quietest-batch median: ${worstQuiet.toFixed(3)} ms (goal ≤ 1 ms)`);
console.log('');

const big = adversarialMessage(1024 * 1024);
const bigMs = timeMedian((run) => adversarialMessage(1024 * 1024, run + 1), 11);
const bigVerdict = score(big, policy);
console.log('adversarial message, 1 MB text + 10,485 links + 200 attachments (median of 11 runs):');
console.log(`  ${bigMs.toFixed(1)} ms  (goal ≤ 100 ms)  → ${bigVerdict.level} ${bigVerdict.score}`);
console.log('');

const small = adversarialMessage(100 * 1024);
const smallMs = timeMedian((run) => adversarialMessage(100 * 1024, run + 1000), 15);
const growth = bigMs / smallMs;
console.log('growth, adversarial 100 KB → 1 MB:');
console.log(`  100 KB: ${smallMs.toFixed(1)} ms   1 MB: ${bigMs.toFixed(1)} ms   ratio ${growth.toFixed(1)}× for 10× input (goal ≤ 12×)`);

const textOnlyBig = { ...big, links: [], attachments: [] };
const textOnlySmall = { ...small, links: [], attachments: [] };
const textBigMs = timeMedian(textOnlyBig, 11);
const textSmallMs = timeMedian(textOnlySmall, 15);
console.log(`  text only: 100 KB ${textSmallMs.toFixed(1)} ms, 1 MB ${textBigMs.toFixed(1)} ms, ratio ${(textBigMs / textSmallMs).toFixed(1)}×`);

// ---------------------------------------------------------------------------------------------
// Hostile mail (issue #9): the whole path from raw bytes to a verdict — parseRawMessage (postal-mime
// and the HTML reader) then score() — on messages built to be expensive. The unit tests
// (tests/unit/hostile-mail.test.ts) fail past 5 s; the goal here is far lower.
const hostileGoalMs = 1_000;
const hostileHeaders =
  'From: "Postmaster" <fem@fundacionhomi.org.co>\r\nReply-To: mssmadar44@gmail.com\r\nTo: lethic@laocai.gov.vn\r\n' +
  'Subject: =?UTF-8?B?SOG7mXAgdGjGsCDEkcOjIHbGsOG7o3QgcXXDoSBo4bqhbiBuZ+G6oWNo?=\r\nMIME-Version: 1.0\r\n';
const hostileLure = '<p>Hộp thư của bạn đã vượt quá giới hạn lưu trữ. Bấm vào đây để xác minh tài khoản.</p><a href="https://upcorss.weebly.com/">Bấm vào đây</a>';
const hostileMessages: { name: string; raw: () => string }[] = [
  {
    name: '5 MB plain-text body',
    raw: () => `${hostileHeaders}Content-Type: text/plain; charset=utf-8\r\n\r\n${officeReport.repeat(Math.ceil((5 * 1024 * 1024) / officeReport.length))}`,
  },
  {
    name: '5 MB HTML body',
    raw: () => `${hostileHeaders}Content-Type: text/html; charset=utf-8\r\n\r\n${hostileLure}${`<p>${officeReport}</p>`.repeat(Math.ceil((5 * 1024 * 1024) / (officeReport.length + 7)))}`,
  },
  {
    name: '10,000 links (HTML)',
    raw: () =>
      `${hostileHeaders}Content-Type: text/html; charset=utf-8\r\n\r\n${hostileLure}` +
      Array.from({ length: 10_000 }, (_, i) => `<a href="https://h${i}.example${i % 7}.com/${i}">mail${i}.laocai.gov.vn</a>`).join('<br>'),
  },
  {
    name: 'HTML nested 100,000 levels',
    raw: () => `${hostileHeaders}Content-Type: text/html; charset=utf-8\r\n\r\n${'<div>'.repeat(100_000)}${hostileLure}${'</div>'.repeat(100_000)}`,
  },
];

const { parseRawMessage } = await import('../lib/mail/parse');
console.log('');
console.log(`hostile mail, raw bytes → verdict (parseRawMessage + score, median of 5 runs; goal ≤ ${hostileGoalMs} ms each):`);
for (const { name, raw } of hostileMessages) {
  const bytes = new TextEncoder().encode(raw());
  const parseTimes: number[] = [];
  const scoreTimes: number[] = [];
  let verdict = '';
  for (let run = 0; run < 5; run++) {
    const parseStarted = performance.now();
    const message = await parseRawMessage(bytes);
    const scoreStarted = performance.now();
    const result = score(message, policy);
    scoreTimes.push(performance.now() - scoreStarted);
    parseTimes.push(scoreStarted - parseStarted);
    verdict = `${result.level} ${result.score}`;
  }
  const total = median(parseTimes) + median(scoreTimes);
  console.log(
    `  ${total.toFixed(1).padStart(7)} ms  (parse ${median(parseTimes).toFixed(1)} + score ${median(scoreTimes).toFixed(1)})  ` +
      `${kb(bytes.length).padStart(10)}  ${name} → ${verdict}${total > hostileGoalMs ? '  OVER GOAL' : ''}`,
  );
}
