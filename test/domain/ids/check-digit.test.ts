import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { computeCheckDigit, hasValidCheckDigit, verifyCheckDigit } from '../../../src/domain/ids/check-digit.js';

// GS1 General Specifications §7.9 worked examples and the TDS 2.x examples for company prefix 0614141.
const KEYS: ReadonlyArray<readonly [name: string, key: string]> = [
  ['GTIN-8', '96385074'],
  ['GTIN-12', '614141073467'],
  ['GTIN-13', '6291041500213'],
  ['GTIN-13 (GS1 China)', '6901234567892'],
  ['GTIN-14', '10614141073464'],
  ['GLN', '0614141123452'],
  ['GSIN', '06141411234567890'],
  ['SSCC', '106141412345678908'],
  ['GSRN', '061414112345678902'],
];

describe('computeCheckDigit', () => {
  it.each(KEYS)('computes the check digit of a %s (%s)', (_name, key) => {
    expect(computeCheckDigit(key.slice(0, -1))).toBe(Number(key.slice(-1)));
  });

  it('rejects a key that contains something other than digits', () => {
    expect(() => computeCheckDigit('06141A1')).toThrow('"06141A1" must contain only digits 0-9');
  });
});

describe('hasValidCheckDigit', () => {
  it.each(KEYS)('accepts a %s with its check digit (%s)', (_name, key) => {
    expect(hasValidCheckDigit(key)).toBe(true);
  });

  it.each(['6901234567891', '10614141073465', '106141412345678900', '0614141123450'])(
    'rejects %s, whose last digit is not its check digit',
    (key) => {
      expect(hasValidCheckDigit(key)).toBe(false);
    },
  );

  it.each(['', '7', '69012345678A2', '6901234567892 '])('rejects %j, which is not a key of digits', (key) => {
    expect(hasValidCheckDigit(key)).toBe(false);
  });
});

describe('verifyCheckDigit', () => {
  it('accepts a GTIN with the right check digit', () => {
    expect(() => verifyCheckDigit('06901234567892', 'GTIN')).not.toThrow();
  });

  it('rejects a GTIN with a wrong check digit, naming the digit it expected', () => {
    let error: unknown;
    try {
      verifyCheckDigit('06901234567891', 'GTIN');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'invalid_identifier',
      message: 'GTIN 06901234567891 has check digit 1, expected 2',
      details: { value: '06901234567891', expectedCheckDigit: 2 },
    });
  });
});
