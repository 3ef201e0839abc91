import { describe, expect, it } from 'vitest';
import { matchHeader, stageColumns } from '../../../src/capture/import/columns.js';
import { stageOf } from './import-fixtures.js';

describe('stage template columns', () => {
  it('lists the record fields of a lot stage, then its elements, required ones starred', () => {
    expect(stageColumns(stageOf('edible-agri', 'farming')).map((c) => c.header)).toEqual([
      '*追溯主体统一社会信用代码 (party)', '*产品 (product)', '*批次号 (lot)', '*数量 (quantity)', '*单位 (unit)', '对方统一社会信用代码 (counterpart)', '地点 (site)',
      '行政区划 (region)', '*时间 (time)', '单据号 (reference)', '*产地 (originRegion)', '*基地（养殖场）名称 (baseName)', '生产者 (producerName)', '品种 (variety)',
      '*采收（出栏、捕捞）日期 (harvestDate)', '耳标号段 (earTagRange)', '认证证书编号 (certification)',
    ]);
  });

  it('asks a stage of single items for codes, not lots, and stars the counterpart a stage requires', () => {
    const headers = stageColumns(stageOf('drug', 'dispensing')).map((c) => c.header);
    expect(headers.slice(0, 6)).toEqual(['*追溯主体统一社会信用代码 (party)', '*单品编码 (codes)', '对方统一社会信用代码 (counterpart)', '地点 (site)', '行政区划 (region)', '*时间 (time)']);
    expect(stageColumns(stageOf('drug', 'distribution')).find((c) => c.id === 'counterpart')?.header).toBe('*对方统一社会信用代码 (counterpart)');
  });
});

describe('matchHeader', () => {
  const stage = stageOf('edible-agri', 'farming');
  const fields = (cells: string[]) => matchHeader(stage, cells).map.columns.map((c) => c?.field);

  it('takes the template header, the bare id, or the bare Chinese name, with or without the star and in full-width brackets', () => {
    for (const cell of ['*产品 (product)', '产品 (product)', 'product', '产品', '产品（product）', ' ＊产品  (product) ']) expect(fields([cell])).toEqual(['product']);
    expect(fields(['追溯主体统一社会信用代码 (party)', 'lot', '基地（养殖场）名称', 'harvestDate', ''])).toEqual(['party', 'lot', 'data.baseName', 'data.harvestDate', undefined]);
  });

  it('reports a repeated column and an unknown one at row 1', () => {
    const { issues } = matchHeader(stage, ['party', '追溯主体统一社会信用代码', 'weight']);
    expect(issues.slice(0, 2)).toEqual([
      { row: 1, column: '追溯主体统一社会信用代码', field: 'party', reason: '“追溯主体统一社会信用代码”列出现了两次 / the column "party" appears twice' },
      { row: 1, column: 'weight', field: '', reason: expect.stringContaining('"weight" is not a column of the template of stage "planting or breeding"') },
    ]);
  });
});
