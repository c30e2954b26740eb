/**
 * The password guard's slow hash: what one check of a typed window costs the background (once per
 * pause in typing), and what one guess costs whoever steals a fingerprint. Node's Web Crypto
 * (OpenSSL) here; Chromium's (BoringSSL) runs PBKDF2 at about the same speed.
 */
import { createHash } from 'node:crypto';
import { base64ToBytes, codeUnits, createFingerprint, kdfIterations, pbkdf2, truncatedHash } from '../lib/password-guard/fingerprint';

const source = { host: 'mail.laichau.gov.vn', webmailUrl: 'https://mail.laichau.gov.vn/', client: 'roundcube' as const };
const password = 'Matkhau@LaiChau2024';
const fp = await createFingerprint(password, source);
const salt = base64ToBytes(fp.salt);
const units = codeUnits(password);

const runs = 9;
const times: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  await truncatedHash(salt, units, fp.iterations, pbkdf2);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const check = times[Math.floor(runs / 2)]!;

// the fingerprint of earlier versions: one SHA-256 of salt ‖ password
const shaRuns = 200_000;
const input = Buffer.concat([Buffer.from(salt), Buffer.from(password, 'utf16le')]);
const shaStart = performance.now();
for (let i = 0; i < shaRuns; i += 1) createHash('sha256').update(input).digest();
const sha = (performance.now() - shaStart) / shaRuns;

console.log('Khiên Thư — password guard benchmark');
console.log(`node ${process.version}`);
console.log(`one check (PBKDF2-SHA-256, ${kdfIterations.toLocaleString('en')} rounds, median of ${runs}): ${check.toFixed(1)} ms`);
console.log(`one SHA-256 of salt ‖ password (the fingerprint before): ${(sha * 1000).toFixed(2)} µs`);
console.log(`measured ratio here: ${Math.round(check / sha).toLocaleString('en')}× (a guess is ${(2 * kdfIterations).toLocaleString('en')} SHA-256 compressions where it was one)`);
