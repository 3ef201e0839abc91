import { describe, expect, it } from 'vitest';
import { CsvChunkError, parseCsvChunk, splitCsv, UnreadableCsv, type CsvChunk } from '../../../src/capture/import/csv-source.js';
import { gbk } from './import-fixtures.js';

async function chunksOf(blocks: Array<string | Uint8Array>, chunkBytes: number): Promise<CsvChunk[]> {
  async function* source() {
    for (const block of blocks) yield typeof block === 'string' ? Buffer.from(block) : block;
  }
  const chunks: CsvChunk[] = [];
  for await (const chunk of splitCsv(source(), { chunkBytes })) chunks.push(chunk);
  return chunks;
}

/** Every record of every chunk with the spreadsheet row it is on. */
function rowsOf(chunks: CsvChunk[]): Array<[number, string[]]> {
  return chunks.flatMap((c) => {
    const records = parseCsvChunk(c);
    expect(records).toHaveLength(c.records);
    return records.map((r, i): [number, string[]] => [c.firstRow + i, r]);
  });
}

describe('splitCsv', () => {
  it('cuts chunks only between records, counting rows as a spreadsheet does, a quoted newline included', async () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,"say ""hi"""\r\n3,z';
    for (const size of [1, 5, 9, 100]) {
      const chunks = await chunksOf([text.slice(0, 7), text.slice(7, 12), text.slice(12)], size);
      expect(chunks[0]).toMatchObject({ firstRow: 1, records: 1 });
      expect(rowsOf(chunks)).toEqual([[1, ['a', 'b']], [2, ['1', 'x\r\ny']], [3, ['']], [4, ['2', 'say "hi"']], [5, ['3', 'z']]]);
    }
  });

  it('drops a UTF-8 BOM and reads UTF-8', async () => {
    const chunks = await chunksOf([Buffer.from('\uFEFF批次号,数量\n甲,1\n')], 100);
    expect(chunks.map((c) => c.encoding)).toEqual(['utf-8', 'utf-8']);
    expect(rowsOf(chunks)).toEqual([[1, ['批次号', '数量']], [2, ['甲', '1']]]);
  });

  it('reads bytes that are not UTF-8 as GB18030, as Chinese Excel saves CSV', async () => {
    const chunks = await chunksOf([gbk('批次号,基地\nL1,琼山区芒果基地\n')], 100);
    expect(chunks.map((c) => c.encoding)).toEqual(['gb18030', 'gb18030']);
    expect(rowsOf(chunks)).toEqual([[1, ['批次号', '基地']], [2, ['L1', '琼山区芒果基地']]]);
  });

  it('refuses a UTF-16 file with the way to save it as CSV', async () => {
    const err = await chunksOf([Buffer.from([0xff, 0xfe, 0x61, 0x00])], 100).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableCsv);
    expect(err).toMatchObject({ row: 1, message: expect.stringContaining('CSV UTF-8') });
  });

  it('gives a large file in one block back in chunks of about the size asked for', async () => {
    const text = `h\n${Array.from({ length: 10_000 }, (_, i) => `row${i}`).join('\n')}\n`;
    const chunks = await chunksOf([text], 4096);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.slice(1, -1).every((c) => c.bytes.length >= 4096 && c.bytes.length < 4096 + 16)).toBe(true);
    const rows = rowsOf(chunks);
    expect(rows).toHaveLength(10_001);
    expect(rows.at(-1)).toEqual([10_001, ['row9999']]);
  });
});

describe('parseCsvChunk', () => {
  it('says how many records came before a malformed one', () => {
    const err = (() => {
      try {
        return parseCsvChunk({ bytes: Buffer.from('a,b\nc,"d\n'), encoding: 'utf-8' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CsvChunkError);
    expect(err).toMatchObject({ before: 1, message: expect.stringContaining('CSV格式错误') });
  });
});
