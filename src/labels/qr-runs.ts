import QRCode, { type QRCodeSegment } from 'qrcode';

/** A QR symbol as horizontal runs of dark modules: `[row, column, length]` triples, row by row, left to right. */
export interface QrRuns {
  /** Modules per side. */
  size: number;
  runs: Uint16Array;
}

/** The square of modules as qrcode gives it: `data[row * size + column]` is 1 for a dark module. */
export interface ModuleMatrix {
  size: number;
  data: ArrayLike<number>;
}

/**
 * The runs of dark modules in each row, so that a row of n modules is drawn as a few rectangles instead of up to n.
 * @example darkRuns({ size: 3, data: [1, 1, 0, 0, 0, 0, 1, 0, 1] }) // runs [0, 0, 2, 2, 0, 1, 2, 2, 1]
 */
export function darkRuns(modules: ModuleMatrix): QrRuns {
  const { size, data } = modules;
  const runs: number[] = [];
  for (let row = 0; row < size; row++) {
    const base = row * size;
    for (let column = 0; column < size; ) {
      if (!data[base + column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && data[base + column]) column++;
      runs.push(row, start, column - start);
    }
  }
  return { size, runs: Uint16Array.from(runs) };
}

// The characters of the QR alphanumeric mode (ISO/IEC 18004 §7.4.4), less the space.
const ALPHANUMERIC = /^[0-9A-Z$%*+\-./:]+$/;

/**
 * The QR symbol (ISO/IEC 18004, error correction level M) of a trace code's public URL, as runs of dark modules.
 * The URL is given as its two parts: the base in byte mode and the code, upper-case letters and digits only, in
 * alphanumeric mode, which takes fewer modules (byte mode for anything else); naming the modes also spares qrcode its search for the best split.
 */
export function qrRunsOfUrl(base: string, code: string): QrRuns {
  const tail: QRCodeSegment = ALPHANUMERIC.test(code) ? { data: code, mode: 'alphanumeric' } : { data: Buffer.from(code, 'utf8'), mode: 'byte' };
  const symbol = QRCode.create([{ data: Buffer.from(base, 'utf8'), mode: 'byte' }, tail], { errorCorrectionLevel: 'M' });
  return darkRuns(symbol.modules);
}
