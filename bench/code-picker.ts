import { readFileSync } from 'node:fs';

/**
 * A random `/t/{code}` path from a file of one code a line, for a load generator in a process of its own. The codes
 * stay one string with an index of where each starts, so that the generator's heap holds two objects rather than a
 * million (collecting a million strings paused it for tens of milliseconds).
 */
export function codePicker(codesFile: string): () => string {
  const codes = readFileSync(codesFile, 'utf8');
  let lines = 0;
  for (let at = codes.indexOf('\n'); at >= 0; at = codes.indexOf('\n', at + 1)) lines++;
  const starts = new Uint32Array(lines + 1);
  for (let at = codes.indexOf('\n'), i = 1; at >= 0; at = codes.indexOf('\n', at + 1)) starts[i++] = at + 1;
  return () => {
    const i = Math.floor(Math.random() * lines);
    return `/t/${codes.slice(starts[i] ?? 0, (starts[i + 1] ?? 1) - 1)}`;
  };
}
