import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import {
  findDigitalLink, formatDigitalLink, parseDigitalLink, toDigitalLink,
} from '../../../src/domain/ids/digital-link.js';

// Expected values are the canonical DLs in the CBV 2.0 event-hash reference data
// (conformance/event-hash/*.prehashes) and the worked examples of TDS 2.x / GS1 Digital Link 1.2.
const CANONICAL: ReadonlyArray<readonly [string, string]> = [
  ['urn:epc:id:sgtin:0614141.107346.2017', 'https://id.gs1.org/01/10614141073464/21/2017'],
  ['urn:epc:id:sgtin:415056789012.0.987654', 'https://id.gs1.org/01/04150567890128/21/987654'],
  ['urn:epc:id:sgtin:4012345.011111.98%22', 'https://id.gs1.org/01/04012345111118/21/98%22'],
  ['urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()', 'https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29'],
  ['urn:epc:id:sscc:4012345.3111111111', 'https://id.gs1.org/00/340123451111111111'],
  ['urn:epc:id:sscc:4012345.0000000333', 'https://id.gs1.org/00/040123450000003338'],
  ['urn:epc:id:sgln:0614141.07346.1234', 'https://id.gs1.org/414/0614141073467/254/1234'],
  ['urn:epc:id:sgln:0614141.07346.0', 'https://id.gs1.org/414/0614141073467'],
  ['urn:epc:id:pgln:4000001.00000', 'https://id.gs1.org/417/4000001000005'],
  ['urn:epc:id:pgln:999999999999.', 'https://id.gs1.org/417/9999999999994'],
  ['urn:epc:id:grai:4012345.00022.334455', 'https://id.gs1.org/8003/04012345000221334455'],
  ['urn:epc:id:giai:4012345.ABC345', 'https://id.gs1.org/8004/4012345ABC345'],
  ['urn:epc:id:gsrn:4012345.0000006765', 'https://id.gs1.org/8018/401234500000067657'],
  ['urn:epc:id:gsrnp:4012345.0000000007', 'https://id.gs1.org/8017/401234500000000074'],
  ['urn:epc:id:gdti:4012345.00009.PO-4711', 'https://id.gs1.org/253/4012345000092PO-4711'],
  ['urn:epc:id:gdti:987659999999..9', 'https://id.gs1.org/253/98765999999929'],
  ['urn:epc:id:sgcn:4012345.99999.44', 'https://id.gs1.org/255/401234599999044'],
  ['urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234', 'https://id.gs1.org/8010/061414111111111111111-A%23%2F/8011/1234'],
  ['urn:epc:id:ginc:0614141.xyz47%2F11', 'https://id.gs1.org/401/0614141xyz47%2F11'],
  ['urn:epc:id:gsin:4012345.222333444', 'https://id.gs1.org/402/40123452223334442'],
  ['urn:epc:id:itip:4012345.011111.01.02.987', 'https://id.gs1.org/8006/040123451111180102/21/987'],
  ['urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7\'SDB', 'https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7\'SDB'],
  ['urn:epc:class:lgtin:4012345.012345.998877', 'https://id.gs1.org/01/04012345123456/10/998877'],
  ['urn:epc:class:lgtin:4012345.012345.Lot987', 'https://id.gs1.org/01/04012345123456/10/Lot987'],
  ['urn:epc:idpat:sgtin:4054739.099914.*', 'https://id.gs1.org/01/04054739999148'],
  ['urn:epc:idpat:grai:4012345.66666.*', 'https://id.gs1.org/8003/04012345666663'],
  ['urn:epc:idpat:gdti:4012345.55555.*', 'https://id.gs1.org/253/4012345555554'],
  ['urn:epc:idpat:sgcn:4012345.99999.*', 'https://id.gs1.org/255/4012345999990'],
  ['urn:epc:idpat:cpi:4012345.ABC.*', 'https://id.gs1.org/8010/4012345ABC'],
  ['urn:epc:idpat:itip:4012345.012345.01.02.*', 'https://id.gs1.org/8006/040123451234560102'],
  ['https://id.gs1.org/gtin/09780345418913', 'https://id.gs1.org/01/09780345418913'],
  ['https://example.com/gtin/09780345418913/21/765tz?abc=211121', 'https://id.gs1.org/01/09780345418913/21/765tz'],
  ['https://id.gs1.org/00/040123450000003338', 'https://id.gs1.org/00/040123450000003338'],
  ['https://example.com/shop/01/4012345123456/10/L1/21/S1', 'https://id.gs1.org/01/04012345123456/21/S1'],
  ['http://brand.example.cn/01/6901234567892/22/2A/10/ABC#top', 'https://id.gs1.org/01/06901234567892/10/ABC'],
  ['https://id.gs1.org/01/96385074', 'https://id.gs1.org/01/00000096385074'],
  ['https://id.gs1.org/01/614141073467/21/x%2fy', 'https://id.gs1.org/01/00614141073467/21/x%2Fy'],
  ['https://id.gs1.org/414/0614141073467/254/1234/', 'https://id.gs1.org/414/0614141073467/254/1234'],
];

describe('toDigitalLink', () => {
  it.each(CANONICAL)('converts %s to the canonical Digital Link', (input, expected) => {
    expect(toDigitalLink(input)).toBe(expected);
  });

  it.each([
    'urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8',
    'https://example.org/x',
    'https://example.org/2020/01/15',
    'urn:epc:id:gid:95100000.12345.400',
    'urn:zhuisu:code:00000000000000000000',
    'urn:epc:idpat:sgtin:4012345.*.*',
    'urn:epc:idpat:sscc:4012345.*',
  ])('returns undefined for %s, which is not a convertible GS1 identifier', (input) => {
    expect(toDigitalLink(input)).toBeUndefined();
  });

  it.each([
    'urn:epc:id:sgtin:0614141.10734.2017',
    'https://id.gs1.org/01/10614141073465/21/2017',
  ])('returns undefined for the malformed GS1 identifier %s', (input) => {
    expect(toDigitalLink(input)).toBeUndefined();
  });
});

describe('findDigitalLink', () => {
  it('reads the key and qualifiers in canonical order whatever order the path uses', () => {
    expect(findDigitalLink('https://example.com/01/09506000134352/21/S1/10/L1?17=201225')).toEqual([
      { ai: '01', value: '09506000134352' },
      { ai: '10', value: 'L1' },
      { ai: '21', value: 'S1' },
    ]);
  });

  it('returns undefined for a web address without a GS1 key path', () => {
    expect(findDigitalLink('https://example.org/products/42')).toBeUndefined();
  });

  it.each([
    ['https://id.gs1.org/01/06901234567891', 'GTIN 06901234567891 has check digit 1, expected 2'],
    ['https://id.gs1.org/00/106141412345678900', 'SSCC 106141412345678900 has check digit 0, expected 8'],
    ['https://id.gs1.org/414/0614141073460', 'GLN 0614141073460 has check digit 0, expected 7'],
    ['https://id.gs1.org/01/06901234567892/99/x', 'is not a key qualifier of AI (01)'],
    ['https://id.gs1.org/01/06901234567892/21', 'key qualifier (21) has no value'],
    ['https://id.gs1.org/01/06901234567892/21/a/21/b', 'key qualifier (21) appears twice'],
    ['https://id.gs1.org/01/06901234567892/21/123456789012345678901', 'is longer than 20 characters'],
    ['https://id.gs1.org/01/06901234567892/21/a%20b', 'has characters GS1 does not allow'],
  ])('rejects %s', (input, message) => {
    expect(() => findDigitalLink(input)).toThrow(DomainError);
    expect(() => findDigitalLink(input)).toThrow(message);
  });
});

describe('parseDigitalLink', () => {
  it('rejects a web address that carries no GS1 key', () => {
    expect(() => parseDigitalLink('https://example.org/x')).toThrow('is not valid: expected https://<host>/<AI>/<key>');
  });
});

describe('formatDigitalLink', () => {
  it('writes the key and its qualifiers on id.gs1.org unless told another origin', () => {
    const elements = [{ ai: '01', value: '09506000134352' }, { ai: '21', value: 'A/1' }];
    expect(formatDigitalLink(elements)).toBe('https://id.gs1.org/01/09506000134352/21/A%2F1');
    expect(formatDigitalLink(elements, 'https://dl.example.cn')).toBe('https://dl.example.cn/01/09506000134352/21/A%2F1');
  });
});

describe('findDigitalLink key and qualifier checks', () => {
  it.each([
    ['https://id.gs1.org/8010/0614141123ABC/8011/12A', 'AI (8011) "12A" must be 1 to 12 digits'],
    ['https://id.gs1.org/8003/10614141123452400', 'AI (8003) "10614141123452400" must start with 0'],
    ['https://id.gs1.org/8006/0401234511111801020', 'AI (8006) "0401234511111801020" is longer than 18 characters'],
    ['https://id.gs1.org/255/4012345678901047A1', 'AI (255) "4012345678901047A1" must be all digits'],
    ['https://id.gs1.org/01/09506000134352/21/S1/235/T1', 'a GTIN has either a serial (21) or a third-party serial (235), not both'],
    ['https://id.gs1.org/00/106141412345678908/21/1', '"21" is not a key qualifier of AI (00)'],
  ])('rejects %s', (input, message) => {
    expect(() => findDigitalLink(input)).toThrow(message);
  });

  it.each([
    ['https://id.gs1.org/8010/0614141123ABC/cpsn/123456789', [{ ai: '8010', value: '0614141123ABC' }, { ai: '8011', value: '123456789' }]],
    ['https://id.gs1.org/gln/0614141123452/glnx/400', [{ ai: '414', value: '0614141123452' }, { ai: '254', value: '400' }]],
    ['https://id.gs1.org/8003/00614141123452400', [{ ai: '8003', value: '00614141123452400' }]],
  ])('reads %s', (input, elements) => {
    expect(findDigitalLink(input)).toEqual(elements);
  });
});
