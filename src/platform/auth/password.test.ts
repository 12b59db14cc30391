import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, parsePasswordHash, verifyPassword } from './password.js';
import { isCommonPassword, passwordProblem } from './password-policy.js';

describe('password hashing', () => {
  it('stores a salted PHC-style scrypt string and verifies only the same password', async () => {
    const h1 = await hashPassword('correct horse battery staple');
    const h2 = await hashPassword('correct horse battery staple');
    expect(h1).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(h1).not.toBe(h2); // salted
    expect(await verifyPassword('correct horse battery staple', h1)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', h1)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', h1)).toBe(false);
  });

  it('treats composed and decomposed Unicode as the same password', async () => {
    const h = await hashPassword('caf\u00e9 au lait 2024');
    expect(await verifyPassword('cafe\u0301 au lait 2024', h)).toBe(true);
  });

  it('answers false, never throws, for a missing or malformed hash', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', '$2b$10$bcrypt-is-not-ours')).toBe(false);
    // Parameters that would cost minutes per check are refused rather than computed.
    expect(parsePasswordHash('$scrypt$ln=30,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==')).toBeNull();
  });

  it('asks for a rehash when a hash is weaker than today’s parameters', async () => {
    const weak = await hashPassword('some long password', { ln: 12, r: 8, p: 1 });
    expect(await verifyPassword('some long password', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('some long password'))).toBe(false);
  });
});

describe('password policy', () => {
  it('refuses passwords under 10 characters, counting characters rather than bytes', () => {
    expect(passwordProblem('Xk9#mQ2!z')).toBe('too_short');
    expect(passwordProblem('Xk9#mQ2!zz')).toBeNull();
    expect(passwordProblem('密码密码密码密码密')).toBe('too_short'); // 9 characters
    expect(passwordProblem('这是一个足够长的中文密码')).toBeNull();
  });

  it('refuses the most common passwords, in any case and with a cheap suffix', () => {
    for (const p of ['1234567890', 'qwertyuiop', 'PASSWORD1234', 'iloveyou2024!', 'football123']) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(passwordProblem(p)).toBe('common');
    }
    expect(isCommonPassword('violet tractor umbrella')).toBe(false);
  });

  it('refuses a password built on the person’s email name', () => {
    expect(passwordProblem('margaret-2024-x', { email: 'margaret@example.com' })).toBe('contains_email');
    expect(passwordProblem('margaret-2024-x', { email: 'li@example.com' })).toBeNull();
  });
});
