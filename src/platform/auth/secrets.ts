import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encryption at rest for credentials (TOTP secrets, channel API tokens) and keyed hashing for
 * tokens. The key comes from APP_SECRET, or is generated once into DATA_DIR/secret.key (mode 600)
 * so that a database dump alone does not reveal what it protects. Losing the key makes encrypted
 * values unreadable: back it up with the data (the README says so).
 */
export interface Secrets {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** Keyed hash (hex) for lookups of high-entropy tokens. */
  hmac(value: string): string;
}

export function loadOrCreateSecret(appSecret: string | undefined, dataDir: string): string {
  if (appSecret) return appSecret;
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw e;
  }
}

export function createSecrets(secret: string): Secrets {
  const encKey = crypto.createHash('sha256').update(`tradelane:enc:${secret}`).digest();
  const macKey = crypto.createHash('sha256').update(`tradelane:mac:${secret}`).digest();
  return {
    encrypt(plaintext) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url')}`;
    },
    decrypt(ciphertext) {
      if (!ciphertext.startsWith('v1:')) throw new Error('Unknown ciphertext format');
      const raw = Buffer.from(ciphertext.slice(3), 'base64url');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    hmac(value) {
      return crypto.createHmac('sha256', macKey).update(value).digest('hex');
    },
  };
}
