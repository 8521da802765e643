// Passwords: scrypt hashes (what the edge checks at sign-in) and readable temporary passwords.
import { randomInt, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

/** Letters and digits without look-alikes (no 0/O/o, 1/l/I/i, …). */
export const PASSWORD_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

function encode(salt: Buffer, hash: Buffer): string {
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Hashes synchronously (seed only: a handful of users); `salt` lets the seed stay deterministic. */
export function hashPasswordSync(password: string, salt: Buffer = randomBytes(16)): string {
  return encode(salt, scryptSync(password, salt, KEYLEN, { N, r: R, p: P }));
}

/** Hashes without blocking the event loop. */
export function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEYLEN, { N, r: R, p: P }, (err, hash) => (err ? reject(err) : resolve(encode(salt, hash)))),
  );
}

/** Checks a password against a stored hash (constant time). */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return Promise.resolve(false);
  const expected = Buffer.from(hash, 'base64');
  return new Promise((resolve) =>
    scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) }, (err, actual) =>
      resolve(!err && actual.length === expected.length && timingSafeEqual(actual, expected)),
    ),
  );
}

/** A 12-character temporary password with at least one upper-case letter, lower-case letter and digit. */
export function temporaryPassword(): string {
  for (;;) {
    let pw = '';
    for (let i = 0; i < 12; i++) pw += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    if (/[A-Z]/.test(pw) && /[a-z]/.test(pw) && /\d/.test(pw)) return pw;
  }
}
