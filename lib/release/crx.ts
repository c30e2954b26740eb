/**
 * What a browser checks in a signed package, checked before a province publishes it: the ID a
 * Chromium-family browser gives a CRX3 (the first 128 bits of the SHA-256 of the signing key's
 * SubjectPublicKeyInfo, each hex digit written a–p), the package's own claim of that ID, and the
 * RSA signature over the archive. Read from Chromium's components/crx_file (crx3.proto,
 * crx_verifier.cc); the header is decoded with pbf, the archive is not unpacked.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import Pbf from 'pbf';

/** Hex digits written a–p, as Chromium writes extension IDs. */
const asIdLetters = (hex: string) => [...hex].map((digit) => String.fromCharCode(0x61 + parseInt(digit, 16))).join('');

/** Chromium's rule for the ID of a public key (DER SubjectPublicKeyInfo). */
export function extensionIdOf(publicKeyDer: Uint8Array): string {
  return asIdLetters(createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32));
}

/** The public half of a private key, as the manifest's `key` holds it (base64 DER SPKI). */
export function publicKeyBase64Of(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
}

export interface Crx3 {
  /** The ID the package claims (SignedData.crx_id), a–p. */
  claimedId: string;
  /** Every RSA key proof: the key's ID and whether its signature holds over this archive. */
  proofs: { id: string; publicKey: Buffer; valid: boolean }[];
  /** The ZIP archive after the header. */
  archive: Buffer;
}

const magic = 'Cr24';
const signedPrefix = Buffer.from('CRX3 SignedData\x00', 'utf8');

interface Proof {
  publicKey?: Buffer;
  signature?: Buffer;
}

function readProof(tag: number, proof?: Proof, pbf?: Pbf): void {
  if (!proof || !pbf) return;
  if (tag === 1) proof.publicKey = Buffer.from(pbf.readBytes());
  else if (tag === 2) proof.signature = Buffer.from(pbf.readBytes());
}

/** Reads a CRX3 file. Throws on anything that is not one (wrong magic, version, or header). */
export function readCrx3(file: Buffer): Crx3 {
  if (file.length < 12 || file.toString('latin1', 0, 4) !== magic) throw new Error('not a CRX file (no "Cr24" at the start)');
  const version = file.readUInt32LE(4);
  if (version !== 3) throw new Error(`CRX version ${version}, not 3`);
  const headerSize = file.readUInt32LE(8);
  if (12 + headerSize > file.length) throw new Error('CRX header runs past the end of the file');
  const header = file.subarray(12, 12 + headerSize);
  const archive = file.subarray(12 + headerSize);

  const rsa: Proof[] = [];
  let signedHeader: Buffer | undefined;
  new Pbf(header).readFields((tag, _result, pbf) => {
    if (tag === 2) rsa.push(pbf!.readMessage(readProof, {} as Proof));
    else if (tag === 10000) signedHeader = Buffer.from(pbf!.readBytes());
  }, {});
  if (!signedHeader) throw new Error('CRX header has no signed data');
  let crxId: Buffer | undefined;
  new Pbf(signedHeader).readFields((tag, _result, pbf) => {
    if (tag === 1) crxId = Buffer.from(pbf!.readBytes());
  }, {});
  if (crxId?.length !== 16) throw new Error('CRX signed data has no 16-byte crx_id');

  const size = Buffer.alloc(4);
  size.writeUInt32LE(signedHeader.length);
  const signed = Buffer.concat([signedPrefix, size, signedHeader, archive]);
  const proofs = rsa
    .filter((proof): proof is Required<Proof> => proof.publicKey !== undefined && proof.signature !== undefined)
    .map(({ publicKey, signature }) => {
      let valid = false;
      try {
        valid = verify('sha256', signed, createPublicKey({ key: publicKey, format: 'der', type: 'spki' }), signature);
      } catch {
        valid = false;
      }
      return { id: extensionIdOf(publicKey), publicKey, valid };
    });
  const claimedId = asIdLetters(crxId.toString('hex'));
  return { claimedId, proofs, archive };
}

/**
 * The ID the browser will give this package, after Chromium's checks: a proof by the key whose ID
 * the package claims, with a signature that holds. Throws with the reason otherwise.
 */
export function verifiedCrxId(file: Buffer): string {
  const crx = readCrx3(file);
  const own = crx.proofs.find((proof) => proof.id === crx.claimedId);
  if (!own) throw new Error(`the CRX claims ID ${crx.claimedId} but no key in it has that ID`);
  if (!own.valid) throw new Error(`the signature of the key ${crx.claimedId} does not hold over the archive`);
  return crx.claimedId;
}
