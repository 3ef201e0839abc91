import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { SectorProfile, StageDef } from '../../domain/sectors/profile.js';
import { stageColumns } from './columns.js';

/** The second sheet of an XLSX template, which explains each column. */
export const NOTES_SHEET = '说明 Notes';

// Rows of the data sheet that carry drop-down lists for choice columns.
const VALIDATED_ROWS = 1000;
const UTF8_BOM = '\uFEFF';

/** The file name of a stage's template, without extension: `edible-agri-farming`. */
export function templateName(profile: SectorProfile, stage: StageDef): string {
  return `${profile.id}-${stage.id}`;
}

/** A stage's CSV template: the header row alone, UTF-8 with a BOM so that Excel in China opens it as UTF-8. */
export function templateCsv(stage: StageDef): Buffer {
  return Buffer.from(UTF8_BOM + stringify([stageColumns(stage).map((c) => c.header)], { record_delimiter: 'windows' }), 'utf8');
}

// A sheet name has at most 31 characters and none of : \ / ? * [ ].
function sheetName(stage: StageDef): string {
  return stage.name.zh.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/**
 * A stage's XLSX template: the data sheet (header row, text cells so that Excel keeps codes and dates as written,
 * drop-down lists for choices) and a notes sheet listing each column's format, unit, whether it is required and its
 * allowed values.
 */
export async function templateXlsx(profile: SectorProfile, stage: StageDef): Promise<Buffer> {
  const columns = stageColumns(stage);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhuisu';
  const sheet = workbook.addWorksheet(sheetName(stage), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: Math.max(12, c.header.length * 1.6), style: c.numeric ? {} : { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((column, i) => {
    if (!column.values) return;
    const list = `"${column.values.map((v) => v.name.zh).join(',')}"`;
    // An inline list holds at most 255 characters.
    if (list.length > 255) return;
    for (let row = 2; row <= VALIDATED_ROWS + 1; row++) {
      sheet.getCell(row, i + 1).dataValidation = {
        type: 'list', allowBlank: !column.required, formulae: [list], showErrorMessage: true,
        errorTitle: column.name.zh, error: `请从列表中选择 / choose from the list: ${column.values.map((v) => v.name.zh).join('、')}`,
      };
    }
  });

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.columns = [
    { header: '列 Column', key: 'header', width: 40 },
    { header: '必填 Required', key: 'required', width: 14 },
    { header: '格式 Format', key: 'format', width: 50 },
    { header: '单位 Unit', key: 'unit', width: 10 },
    { header: '可选值 Allowed values', key: 'values', width: 40 },
    { header: '说明 Notes', key: 'notes', width: 60 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const column of columns) {
    notes.addRow({
      header: column.header,
      required: column.required ? '是 yes' : '否 no',
      format: `${column.format.zh} / ${column.format.en}`,
      unit: column.unit ?? '',
      values: column.values ? column.values.map((v) => `${v.name.zh}（${v.value}）`).join('、') : '',
      notes: `${column.name.zh} / ${column.name.en}`,
    });
  }
  notes.addRow({});
  notes.addRow({ header: `${profile.name.zh}：${stage.name.zh} / ${profile.name.en}: ${stage.name.en}`, notes: `行业规范版本 profile version ${profile.version}` });
  notes.addRow({ header: '带 * 的列为必填；每行一条记录；整个文件全部导入或全部不导入 / columns marked * are required; one record per row; a file is imported whole or not at all' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
