import { DomainError } from '../errors.js';

/** GS1 General Specifications §7.9.1: the mod-10 check digit for `digits` (the key without its check digit). */
export function computeCheckDigit(digits: string): number {
  let sum = 0;
  let weight = 3;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      throw new DomainError('invalid_identifier', `"${digits}" must contain only digits 0-9`, { value: digits });
    }
    sum += d * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `key` is all digits and its last digit is the GS1 check digit of the others. */
export function hasValidCheckDigit(key: string): boolean {
  if (key.length < 2) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return computeCheckDigit(key.slice(0, -1)) === key.charCodeAt(key.length - 1) - 48;
}

/**
 * Throws `invalid_identifier` unless the last digit of `key` is its GS1 check digit.
 * @example verifyCheckDigit('06901234567892', 'GTIN') // passes; '…91' throws "GTIN 06901234567891 has check digit 1, expected 2"
 */
export function verifyCheckDigit(key: string, keyName: string): void {
  const expected = computeCheckDigit(key.slice(0, -1));
  const actual = key.charCodeAt(key.length - 1) - 48;
  if (key.length < 2 || actual !== expected) {
    throw new DomainError(
      'invalid_identifier',
      `${keyName} ${key} has check digit ${key.slice(-1)}, expected ${expected}`,
      { value: key, expectedCheckDigit: expected },
    );
  }
}
