import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import type { UnitId } from '../../../src/domain/ids/unit-id.js';
import { toDigitalLink } from '../../../src/domain/ids/digital-link.js';
import { parseUnitId } from '../../../src/domain/ids/unit-id.js';

const unit = (canonical: string, kind: UnitId['kind'], scheme: string): UnitId => ({ canonical, kind, scheme });

describe('parseUnitId', () => {
  it.each([
    ['urn:epc:id:sgtin:0614141.107346.2017', unit('urn:epc:id:sgtin:0614141.107346.2017', 'item', 'sgtin')],
    ['urn:epc:id:itip:4012345.011111.01.02.987', unit('urn:epc:id:itip:4012345.011111.01.02.987', 'item', 'itip')],
    ['urn:epc:id:upui:4012345.012345.AB12', unit('urn:epc:id:upui:4012345.012345.AB12', 'item', 'upui')],
    ['urn:epc:id:sgcn:4012345.99999.44', unit('urn:epc:id:sgcn:4012345.99999.44', 'item', 'sgcn')],
    ['urn:epc:class:lgtin:4012345.012345.998877', unit('urn:epc:class:lgtin:4012345.012345.998877', 'lot', 'lgtin')],
    ['urn:epc:id:sscc:0614141.1234567890', unit('urn:epc:id:sscc:0614141.1234567890', 'container', 'sscc')],
    ['urn:epc:id:sgln:0614141.07346.1234', unit('urn:epc:id:sgln:0614141.07346.1234', 'location', 'sgln')],
    ['urn:epc:id:pgln:4000001.00000', unit('urn:epc:id:pgln:4000001.00000', 'party', 'pgln')],
    ['urn:epc:id:grai:4012345.55555.987', unit('urn:epc:id:grai:4012345.55555.987', 'asset', 'grai')],
    ['urn:epc:id:giai:4000001.111', unit('urn:epc:id:giai:4000001.111', 'asset', 'giai')],
    ['urn:epc:id:cpi:4012345.ABC.123', unit('urn:epc:id:cpi:4012345.ABC.123', 'asset', 'cpi')],
    ['urn:epc:id:gdti:4012345.55555.98', unit('urn:epc:id:gdti:4012345.55555.98', 'document', 'gdti')],
    ['urn:epc:id:gsrn:4012345.9876540000', unit('urn:epc:id:gsrn:4012345.9876540000', 'other', 'gsrn')],
    ['urn:epc:id:gsrnp:4012345.0000098765', unit('urn:epc:id:gsrnp:4012345.0000098765', 'other', 'gsrnp')],
    ['urn:epc:id:gsin:4012345.999987654', unit('urn:epc:id:gsin:4012345.999987654', 'other', 'gsin')],
    ['urn:epc:id:ginc:4012345.333', unit('urn:epc:id:ginc:4012345.333', 'other', 'ginc')],
    ['urn:epc:idpat:sgtin:4012345.098765.*', unit('urn:epc:idpat:sgtin:4012345.098765.*', 'pattern', 'sgtin')],
    ['urn:epc:idpat:gdti:4012345.55555.*', unit('urn:epc:idpat:gdti:4012345.55555.*', 'pattern', 'gdti')],
  ])('gives %s its kind', (input, expected) => {
    expect(parseUnitId(input)).toEqual(expected);
  });

  it.each([
    ['https://id.gs1.org/01/10614141073464/21/2017', 'urn:epc:id:sgtin:0614141.107346.2017'],
    ['https://example.com/shop/gtin/10614141073464/ser/2017?17=251231', 'urn:epc:id:sgtin:0614141.107346.2017'],
    ['https://id.gs1.org/01/04012345123456/10/998877', 'urn:epc:class:lgtin:4012345.012345.998877'],
    ['https://id.gs1.org/00/106141412345678908', 'urn:epc:id:sscc:0614141.1234567890'],
    ['https://id.gs1.org/414/0614141073467/254/1234', 'urn:epc:id:sgln:0614141.07346.1234'],
    ['https://id.gs1.org/414/0614141073467', 'urn:epc:id:sgln:0614141.07346.0'],
    ['https://id.gs1.org/417/4000001000005', 'urn:epc:id:pgln:4000001.00000'],
    ['https://id.gs1.org/8004/4000001111', 'urn:epc:id:giai:4000001.111'],
    ['https://id.gs1.org/01/04054739999148', 'urn:epc:idpat:sgtin:4054739.099914.*'],
    ['https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29', 'urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!()'.replace('!()', '!%3F()')],
  ])('turns the Digital Link %s into its EPC URI', (input, canonical) => {
    expect(parseUnitId(input).canonical).toBe(canonical);
  });

  it('maps both spellings of the same unit to one canonical id', () => {
    const fromUri = parseUnitId('urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22%21%3f()');
    const fromLink = parseUnitId('https://dl.example.cn/01/80614141123458/21/6789%2f%26%25%22!%3F%28%29');
    expect(fromUri).toEqual(fromLink);
    expect(fromUri.canonical).toBe('urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()');
  });

  // EPC URIs from the EPCIS 2.0 / CBV 2.0 conformance data, one per scheme and odd company prefix length.
  it.each([
    'urn:epc:id:sgtin:952001.1012345.22222223333', 'urn:epc:id:sgtin:415056789012.0.987654',
    'urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7\'SDB', 'urn:epc:id:itip:4012345.011111.01.02.987',
    'urn:epc:class:lgtin:4012345.099988.2014-02-10', 'urn:epc:id:sscc:4012344.0998811122',
    'urn:epc:id:sgln:952005385.011.ts4711', 'urn:epc:id:sgln:0037000.00729.0', 'urn:epc:id:pgln:999999999999.',
    'urn:epc:id:grai:4012345.00022.334455', 'urn:epc:id:giai:735005385.vehicle1', 'urn:epc:id:gdti:95252084.0001.0003555480001000',
    'urn:epc:id:gdti:987659999999..9', 'urn:epc:id:gsrn:95252084.000000001', 'urn:epc:id:gsrnp:4012345.0000000007',
    'urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234', 'urn:epc:id:sgcn:4012345.99999.44',
    'urn:epc:id:ginc:0614141.xyz47%2F11', 'urn:epc:id:gsin:4012345.222333444',
    'urn:epc:idpat:sgtin:4054739.099914.*', 'urn:epc:idpat:cpi:4012345.ABC.*', 'urn:epc:idpat:itip:4012345.012345.01.02.*',
  ])('gives %s and its canonical Digital Link the same canonical id', (uri) => {
    const link = toDigitalLink(uri) ?? 'no Digital Link';
    expect(parseUnitId(link)).toEqual(parseUnitId(uri));
    expect(parseUnitId(uri).canonical).toBe(uri);
  });

  it('splits a GS1 China Digital Link at the 7-digit company prefix of 690/691 and the 8-digit one of 692-699', () => {
    expect(parseUnitId('https://id.gs1.org/01/06901234567892/21/A1').canonical).toBe('urn:epc:id:sgtin:6901234.056789.A1');
    expect(parseUnitId('https://id.gs1.org/01/6923456789012/21/A1').canonical).toBe('urn:epc:id:sgtin:69234567.08901.A1');
  });

  it('re-splits an EPC URI whose company prefix length disagrees with the table entry for its prefix', () => {
    expect(parseUnitId('urn:epc:id:sgtin:6923456.078901.A1').canonical).toBe('urn:epc:id:sgtin:69234567.08901.A1');
  });

  it("keeps an EPC URI's own split when the table has no entry for its prefix", () => {
    expect(parseUnitId('urn:epc:id:sgtin:30123456.01234.A1').canonical).toBe('urn:epc:id:sgtin:30123456.01234.A1');
    expect(parseUnitId('urn:epc:id:giai:952005385.vehicle2').canonical).toBe('urn:epc:id:giai:952005385.vehicle2');
  });

  it.each([
    '0000007JKN37GBTHHFG3',
    '000000-7jkn-37gb-thh-fg3',
    'urn:zhuisu:code:000000-7JKN-37GB-THH-FG3',
    'urn:zhuisu:code:0000007JKN37GBTHHFG3',
  ])('reads the trace code %s as an item', (input) => {
    expect(parseUnitId(input)).toEqual(unit('urn:zhuisu:code:0000007JKN37GBTHHFG3', 'item', 'trace-code'));
  });

  it.each([
    ['urn:zhuisu:drug:83857930000879766660', unit('urn:zhuisu:drug:83857930000879766660', 'item', 'drug-code')],
    ['urn:zhuisu:drug:8385793-0000879766660', unit('urn:zhuisu:drug:83857930000879766660', 'item', 'drug-code')],
    ['urn:zhuisu:elevator:31104601052019070012', unit('urn:zhuisu:elevator:31104601052019070012', 'item', 'elevator-code')],
    ['urn:zhuisu:elevator:311010890201500098', unit('urn:zhuisu:elevator:311010890201500098', 'item', 'elevator-code')],
    ['urn:zhuisu:cylinder:132A01000123', unit('urn:zhuisu:cylinder:132A01000123', 'item', 'cylinder-code')],
    ['urn:zhuisu:cylinder:32A01000123', unit('urn:zhuisu:cylinder:332A01000123', 'item', 'cylinder-code')],
  ])('reads the URN %s as an item of its scheme', (input, expected) => {
    expect(parseUnitId(input)).toEqual(expected);
  });

  it.each([
    ['urn:zhuisu:drug:8385793000087976666', '药品追溯码应为20位数字，实为19位 / a drug trace code has 20 digits, "8385793000087976666" has 19'],
    ['urn:zhuisu:drug:', '药品追溯码应为20位数字，实为0位'],
    ['urn:zhuisu:elevator:31104601052019130012', 'must be the month registered (01-12), not "13"'],
    ['urn:zhuisu:elevator:215010890201500098', 'are not an elevator variety code of the 特种设备目录'],
    ['urn:zhuisu:cylinder:732A01000123', 'is not a cylinder variety'],
  ])('refuses the malformed URN %s instead of keeping it as any other URI', (input, message) => {
    expect(() => parseUnitId(input)).toThrow(DomainError);
    expect(() => parseUnitId(input)).toThrow(message);
  });

  it.each([
    'urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8',
    'https://example.org/x',
    'https://example.org/2020/01/15',
    'http://transaction.acme.com/po/12345678',
    'urn:epcglobal:cbv:bt:4012345000009:ASN1099',
    'urn:epc:id:gid:95100000.12345.400',
    'geo:47.506694,11.104301',
  ])('keeps the other absolute URI %s unchanged', (input) => {
    expect(parseUnitId(input)).toEqual(unit(input, 'other', 'uri'));
  });

  it.each([
    ['https://id.gs1.org/01/06901234567891/21/A1', 'GTIN 06901234567891 has check digit 1, expected 2'],
    ['https://id.gs1.org/00/106141412345678900', 'SSCC 106141412345678900 has check digit 0, expected 8'],
    ['urn:epc:id:sgtin:0614141.10734.2017', 'the reference must be 6 digits, got "10734"'],
    ['urn:epc:id:sgln:0614141.07346', 'a sgln has 3 parts separated by "."'],
    ['urn:zhuisu:code:000000-7JKN-37GB-THH-FG4', 'may be mistyped'],
    ['000000-7JKN-37GB-THH-FG4', 'may be mistyped'],
    ['hello world', '"hello world" is not an identifier: expected an EPC URI (urn:epc:…), a GS1 Digital Link'],
    ['', '"" is not an identifier'],
    ['urn:', '"urn:" is not an identifier'],
    ['6901234567892', '"6901234567892" is not an identifier'],
  ])('rejects %j', (input, message) => {
    expect(() => parseUnitId(input)).toThrow(DomainError);
    expect(() => parseUnitId(input)).toThrow(message);
  });

  it('parses an SGTIN EPC URI quickly enough to run on every identifier of every captured event', () => {
    const calls = 100_000;
    const started = performance.now();
    for (let i = 0; i < calls; i++) parseUnitId('urn:epc:id:sgtin:0614141.107346.2017');
    const microsPerCall = ((performance.now() - started) * 1000) / calls;
    // Target is well under 2 µs; the bound leaves room for slow, shared CI machines.
    expect(microsPerCall).toBeLessThan(10);
  });

  it('reads the lots, parties and sites that the records API names for products without GS1 keys', () => {
    expect(parseUnitId('urn:zhuisu:lot:91460100MA5RD0A1X7:AMX-250:20260301')).toEqual({ canonical: 'urn:zhuisu:lot:91460100MA5RD0A1X7:AMX-250:20260301', kind: 'lot', scheme: 'zhuisu-lot' });
    expect(parseUnitId('urn:zhuisu:party:91460100MA5RD0A1X7')).toMatchObject({ kind: 'party', scheme: 'zhuisu-party' });
    expect(parseUnitId('urn:zhuisu:site:91460100MA5RD0A1X7')).toMatchObject({ kind: 'location', scheme: 'zhuisu-location' });
  });
});
