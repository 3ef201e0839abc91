import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import type { Gs1Element } from '../../../src/domain/ids/epc-uri.js';
import {
  elementsToEpc, epcToElements, formatEpcUri, isGs1EpcUri, parseEpcUri, resplitEpcKey,
} from '../../../src/domain/ids/epc-uri.js';

const el = (...pairs: Array<[string, string]>): Gs1Element[] => pairs.map(([ai, value]) => ({ ai, value }));

// EPC Tag Data Standard 2.x §6-7 worked examples (company prefix 0614141) and the EPCIS 2.0 / CBV 2.0 conformance data.
const EXAMPLES: ReadonlyArray<readonly [uri: string, elements: Gs1Element[]]> = [
  ['urn:epc:id:sgtin:0614141.812345.6789', el(['01', '80614141123458'], ['21', '6789'])],
  ['urn:epc:id:sgtin:415056789012.0.987654', el(['01', '04150567890128'], ['21', '987654'])],
  ['urn:epc:id:sscc:0614141.1234567890', el(['00', '106141412345678908'])],
  ['urn:epc:id:sgln:0614141.12345.400', el(['414', '0614141123452'], ['254', '400'])],
  ['urn:epc:id:sgln:0614141.12345.0', el(['414', '0614141123452'])],
  ['urn:epc:id:pgln:0614141.12345', el(['417', '0614141123452'])],
  ['urn:epc:id:pgln:999999999999.', el(['417', '9999999999994'])],
  ['urn:epc:id:grai:0614141.12345.400', el(['8003', '00614141123452400'])],
  ['urn:epc:id:giai:0614141.12345400', el(['8004', '061414112345400'])],
  ['urn:epc:id:gsrn:0614141.1234567890', el(['8018', '061414112345678902'])],
  ['urn:epc:id:gsrnp:4012345.0000000007', el(['8017', '401234500000000074'])],
  ['urn:epc:id:gdti:0614141.12345.400', el(['253', '0614141123452400'])],
  ['urn:epc:id:gdti:987659999999..9', el(['253', '98765999999929'])],
  ['urn:epc:id:cpi:0614141.123ABC.123456789', el(['8010', '0614141123ABC'], ['8011', '123456789'])],
  ['urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234', el(['8010', '061414111111111111111-A#/'], ['8011', '1234'])],
  ['urn:epc:id:sgcn:4012345.67890.04711', el(['255', '401234567890104711'])],
  ['urn:epc:id:ginc:0614141.xyz47%2F11', el(['401', '0614141xyz47/11'])],
  ['urn:epc:id:gsin:0614141.123456789', el(['402', '06141411234567890'])],
  ['urn:epc:id:itip:4012345.011111.01.02.987', el(['8006', '040123451111180102'], ['21', '987'])],
  ['urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7\'SDB', el(['01', '01234567987651'], ['235', '51qIgY)<&Jp3*j7\'SDB'])],
  ['urn:epc:class:lgtin:4012345.012345.998877', el(['01', '04012345123456'], ['10', '998877'])],
  ['urn:epc:idpat:sgtin:4012345.012345.*', el(['01', '04012345123456'])],
  ['urn:epc:idpat:itip:4012345.012345.01.02.*', el(['8006', '040123451234560102'])],
  ['urn:epc:idpat:grai:4012345.66666.*', el(['8003', '04012345666663'])],
  ['urn:epc:idpat:gdti:4012345.55555.*', el(['253', '4012345555554'])],
  ['urn:epc:idpat:sgcn:4012345.99999.*', el(['255', '4012345999990'])],
  ['urn:epc:idpat:cpi:4012345.ABC.*', el(['8010', '4012345ABC'])],
];

describe('parseEpcUri', () => {
  it('splits an SGTIN into company prefix, item reference and serial', () => {
    expect(parseEpcUri('urn:epc:id:sgtin:0614141.107346.2017')).toEqual({
      form: 'id', scheme: 'sgtin', companyPrefix: '0614141', parts: ['107346', '2017'],
    });
  });

  it('decodes %-escapes in a serial and keeps dots inside it', () => {
    expect(parseEpcUri('urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F().x').parts).toEqual(['812345', '6789/&%"!?().x']);
  });

  it('reads a pattern with trailing wildcards', () => {
    expect(parseEpcUri('urn:epc:idpat:sgtin:4012345.*.*')).toEqual({
      form: 'idpat', scheme: 'sgtin', companyPrefix: '4012345', parts: ['*', '*'],
    });
    expect(parseEpcUri('urn:epc:idpat:sscc:*.*')).toEqual({ form: 'idpat', scheme: 'sscc', companyPrefix: '*', parts: ['*'] });
  });

  it.each([
    ['urn:epc:id:sgtin:0614141.10734.2017', 'after the 7-digit company prefix the reference must be 6 digits, got "10734"'],
    ['urn:epc:id:sgtin:06141.1073461.2017', 'GS1 Company Prefix "06141" must be 6 to 12 digits'],
    ['urn:epc:id:sgtin:0614141.107346', 'a sgtin has 3 parts separated by "."'],
    ['urn:epc:id:sgtin:0614141.107346.', 'part 3 "" must have at least 1 character(s)'],
    ['urn:epc:id:sgtin:0614141.107346.123456789012345678901', 'part 3 "123456789012345678901" is longer than 20 characters'],
    ['urn:epc:id:sgtin:0614141.107346.a/b', 'part 3 "a/b" may contain only GS1 characters'],
    ['urn:epc:id:sgtin:0614141.107346.a%20b', 'part 3 "a%20b" may contain only GS1 characters'],
    ['urn:epc:id:sgtin:0614141.107346.a%2', 'part 3 "a%2" may contain only GS1 characters'],
    ['urn:epc:id:sgtin', 'the sgtin value is missing'],
    ['urn:epc:id:lgtin:4012345.012345.998877', '"lgtin" is not a GS1 EPC scheme for urn:epc:id:'],
    ['urn:epc:class:sgtin:4012345.012345.998877', '"sgtin" is not a GS1 EPC scheme for urn:epc:class:'],
    ['urn:epc:idpat:sgtin:4012345.*.2017', 'in a pattern only trailing parts may be "*"'],
    ['urn:epc:id:sgcn:4012345.67890.04A', 'part 3 "04A" must contain only digits'],
    ['urn:epc:id:itip:4012345.011111.1.02.987', 'part 3 "1" must have at least 2 character(s)'],
    ['urn:epc:id:cpi:0614141.abc.1', 'reference "abc" may contain only digits, A-Z'],
    ['urn:epc:id:giai:0614141.', 'the reference is empty'],
    ['urn:epc:id:giai:0614141.12345678901234567890123x', 'reference "12345678901234567890123x" is longer than 23 characters'],
    ['urn:epc:id:sscc:0614141.123456789', 'after the 7-digit company prefix the reference must be 10 digits, got "123456789"'],
    ['urn:epcglobal:cbv:bizstep:shipping', 'it must start with urn:epc:id:, urn:epc:class: or urn:epc:idpat:'],
  ])('rejects %s', (uri, message) => {
    expect(() => parseEpcUri(uri)).toThrow(DomainError);
    expect(() => parseEpcUri(uri)).toThrow(`EPC URI ${uri} is not valid: ${message}`);
  });
});

describe('isGs1EpcUri', () => {
  it.each([
    ['urn:epc:id:sgtin:0614141.107346.2017', true],
    ['urn:epc:class:lgtin:4012345.012345.998877', true],
    ['urn:epc:idpat:sgtin:4012345.*.*', true],
    ['urn:epc:id:sgtin', true],
    ['urn:epc:id:gid:95100000.12345.400', false],
    ['urn:epc:id:bic:CSQU3054383', false],
    ['urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8', false],
  ])('tells whether %s uses a GS1 EPC scheme', (uri, expected) => {
    expect(isGs1EpcUri(uri)).toBe(expected);
  });
});

describe('formatEpcUri', () => {
  it.each(EXAMPLES)('writes %s back unchanged', (uri) => {
    expect(formatEpcUri(parseEpcUri(uri))).toBe(uri);
  });

  it('escapes only the characters TDS requires, with upper-case hex', () => {
    expect(formatEpcUri(parseEpcUri('urn:epc:id:sgtin:0614141.812345.a%21%2f%3c%3E%3f%22%25%26'))).toBe(
      'urn:epc:id:sgtin:0614141.812345.a!%2F%3C%3E%3F%22%25%26',
    );
  });
});

describe('epcToElements', () => {
  it.each(EXAMPLES)('gives the GS1 element strings of %s', (uri, elements) => {
    expect(epcToElements(parseEpcUri(uri))).toEqual(elements);
  });

  it.each(['urn:epc:idpat:sgtin:4012345.*.*', 'urn:epc:idpat:sscc:4012345.*', 'urn:epc:idpat:sgtin:4012345.012345.2017'])(
    'refuses the pattern %s, which is not one GS1 class',
    (uri) => {
      expect(() => epcToElements(parseEpcUri(uri))).toThrow('only a pattern with "*" as its last part stands for one GS1 class');
    },
  );
});

describe('elementsToEpc', () => {
  it.each(EXAMPLES)('builds %s from its element strings and company prefix length', (uri, elements) => {
    const key = parseEpcUri(uri);
    expect(formatEpcUri(elementsToEpc(elements, () => key.companyPrefix.length))).toBe(uri);
  });

  it('keeps the serial and drops the lot and CPV when a GTIN has all three', () => {
    const key = elementsToEpc(el(['01', '10614141073464'], ['22', '2A'], ['10', 'L1'], ['21', '2017']), () => 7);
    expect(formatEpcUri(key)).toBe('urn:epc:id:sgtin:0614141.107346.2017');
  });

  it('rejects a key that is too short for the company prefix length', () => {
    expect(() => elementsToEpc(el(['8004', '061414']), () => 7)).toThrow(
      'GS1 key 061414 does not start with a 7-digit GS1 Company Prefix',
    );
  });

  it('rejects an ITIP with a lot but no serial, which has no EPC URI', () => {
    expect(() => elementsToEpc(el(['8006', '040123451111180102'], ['10', 'L1']), () => 7)).toThrow('has no EPC URI');
  });

  it('rejects an AI that is not a GS1 key', () => {
    expect(() => elementsToEpc(el(['10', 'L1']), () => 7)).toThrow('AI (10) is not a GS1 key with an EPC URI');
  });
});

describe('resplitEpcKey', () => {
  it('moves the company prefix boundary and keeps the GTIN indicator digit first', () => {
    const key = resplitEpcKey(parseEpcUri('urn:epc:id:sgtin:690123.4067892.X1'), () => 7);
    expect(formatEpcUri(key)).toBe('urn:epc:id:sgtin:6901230.467892.X1');
  });

  it('keeps the split when the lookup has no length', () => {
    const key = parseEpcUri('urn:epc:id:giai:952005385.vehicle2');
    expect(resplitEpcKey(key, () => undefined)).toBe(key);
  });

  it('leaves a pattern without item reference alone', () => {
    const key = parseEpcUri('urn:epc:idpat:sgtin:4012345.*.*');
    expect(resplitEpcKey(key, () => 8)).toBe(key);
  });

  it('rejects a split that would put letters in the company prefix', () => {
    expect(() => resplitEpcKey(parseEpcUri('urn:epc:id:giai:0614141.AB'), () => 8)).toThrow(
      'GS1 Company Prefix 0614141A is allocated with 8 digits',
    );
  });
});
