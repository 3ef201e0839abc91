import { BoundedMap } from '../bounded-memo.js';

/**
 * Items of one class differ only in their last part: `urn:epc:id:sgtin:6924956.034001.1001157`, `….1001158`, … (and
 * the lots of one product in `urn:epc:class:lgtin:…`). Converting such an identifier (parse, check digit, company
 * prefix table) costs about 2 µs, several times per event at capture; converting the class once and appending each
 * serial costs a tenth of that.
 */
const SERIALISED = ['urn:epc:id:sgtin:', 'urn:epc:class:lgtin:'];
// TDS 2.x: a serial or lot of up to 20 characters. Letters and digits are written the same way in an EPC URI and in a
// Digital Link (nothing to escape), so the converted form of any such serial ends in the serial itself.
const MAX_SERIAL = 20;

function isPlainSerial(uri: string, from: number): boolean {
  const length = uri.length - from;
  if (length < 1 || length > MAX_SERIAL) return false;
  for (let i = from; i < uri.length; i++) {
    const c = uri.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const letter = (c | 32) >= 97 && (c | 32) <= 122;
    if (!digit && !letter) return false;
  }
  return true;
}

/**
 * `convert` (a pure conversion of identifiers) remembering, per class, the converted form up to the serial. Anything
 * other than an SGTIN or LGTIN with a plain serial goes to `convert` as it is. A class that `convert` refuses is not
 * remembered, so each of its items is refused in its own words.
 */
export function perSerialClass(convert: (uri: string) => string, size = 10_000): (uri: string) => string {
  const prefixes = new BoundedMap<string, string>(size);
  return (uri) => {
    if (!SERIALISED.some((scheme) => uri.startsWith(scheme))) return convert(uri);
    const dot = uri.lastIndexOf('.');
    if (dot < 0 || !isPlainSerial(uri, dot + 1)) return convert(uri);
    const classPart = uri.slice(0, dot + 1);
    const prefix = prefixes.get(classPart);
    if (prefix !== undefined) return prefix + uri.slice(dot + 1);
    const converted = convert(uri);
    const serial = uri.slice(dot + 1);
    const separator = converted.charAt(converted.length - serial.length - 1);
    if (converted.endsWith(serial) && (separator === '/' || separator === '.')) {
      prefixes.set(classPart, converted.slice(0, converted.length - serial.length));
    }
    return converted;
  };
}
