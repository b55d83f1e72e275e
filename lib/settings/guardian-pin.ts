/**
 * Guardian PIN: an optional lock on trusting sites, disabling warnings and changing settings, for someone who
 * helps a parent or a vulnerable relative. Only a PBKDF2-SHA-256 hash with a random salt is stored, never the PIN.
 * Uses WebCrypto (`crypto.subtle`), available in extension pages, service workers and Node 20.
 */
import type { GuardianLock } from './settings-model';

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA-256. */
export const DEFAULT_ITERATIONS = 600_000;

export function validatePin(pin: string): string | null {
  if (!/^\d{4,12}$/.test(pin)) return 'The PIN must be 4 to 12 digits.';
  if (/^(\d)\1+$/.test(pin)) return 'Choose a PIN that is not one digit repeated.';
  return null;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function createGuardian(pin: string, iterations = DEFAULT_ITERATIONS): Promise<GuardianLock> {
  const error = validatePin(pin);
  if (error) throw new Error(error);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)) };
}

export async function verifyPin(pin: string, lock: GuardianLock): Promise<boolean> {
  if (typeof pin !== 'string' || pin.length === 0 || pin.length > 64) return false;
  const expected = fromBase64(lock.hash);
  const actual = await derive(pin, fromBase64(lock.salt), lock.iterations);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i]! ^ expected[i]!;
  return diff === 0;
}
