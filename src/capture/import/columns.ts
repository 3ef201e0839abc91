import type { RecordIssue } from '../../domain/sectors/check-elements.js';
import type { ElementDef, StageDef, Text } from '../../domain/sectors/profile.js';

/** One column of a bulk-import template: a record field or a data element of the stage. */
export interface ImportColumn {
  /** Where the value goes: a record field (`party`, `inputs.lot`) or an element (`data.animalQuarantineCertificate`). */
  field: string;
  /** The id written in brackets in the header: the field, or the bare element id. */
  id: string;
  name: Text;
  required: boolean;
  /** The header as the template writes it: `*动物检疫合格证明编号 (animalQuarantineCertificate)`. */
  header: string;
  /** What to write, for the notes sheet and docs. */
  format: Text;
  /** The cells hold numbers (quantities, numeric elements); every other column is text. */
  numeric: boolean;
  unit?: string;
  /** Allowed values of a choice, as written in the file (Chinese name, or the value itself). */
  values?: Array<{ value: string; name: Text }>;
}

interface FieldDef {
  id: string;
  name: Text;
  format: Text;
  /** Whether the stage has this column at all, and whether a value is required in it. */
  applies: (stage: StageDef) => { shown: boolean; required: boolean };
}

const always = () => ({ shown: true, required: false });
const lots = (stage: StageDef) => ({ shown: stage.units !== 'items', required: stage.units === 'lot' });
const transform = (stage: StageDef) => ({ shown: stage.event === 'transform', required: false });

const USCC_FORMAT: Text = { zh: '18位统一社会信用代码', en: '18-character unified social credit code' };
const PRODUCT_FORMAT: Text = { zh: '商品条码（GTIN）或已登记的产品编码', en: 'GTIN, or the product code registered on the platform' };
const QUANTITY_FORMAT: Text = { zh: '大于0的数字', en: 'a number above 0' };
const UNIT_FORMAT: Text = { zh: '计量单位：千克、吨、斤、升、件等，或 KGM、TNE、LTR、H87', en: 'unit: UN/CEFACT code (KGM, TNE, LTR, H87) or its Chinese name' };
const CODES_FORMAT: Text = { zh: '一个或多个编码，以“;”或“；”分隔', en: 'one or more codes separated by ";" or "；"' };

/** The record fields of a row, in template order; transforming stages add one input per row. */
const FIELDS: FieldDef[] = [
  { id: 'party', name: { zh: '追溯主体统一社会信用代码', en: 'recording party' }, format: USCC_FORMAT, applies: () => ({ shown: true, required: true }) },
  { id: 'product', name: { zh: '产品', en: 'product' }, format: PRODUCT_FORMAT, applies: lots },
  { id: 'lot', name: { zh: '批次号', en: 'lot number' }, format: { zh: '产品内的批次号，或完整的单元标识', en: 'lot number within the product, or a full unit id' }, applies: lots },
  { id: 'codes', name: { zh: '单品编码', en: 'item codes' }, format: CODES_FORMAT, applies: (s) => ({ shown: s.units !== 'lot', required: s.units === 'items' }) },
  { id: 'quantity', name: { zh: '数量', en: 'quantity' }, format: QUANTITY_FORMAT, applies: lots },
  { id: 'unit', name: { zh: '单位', en: 'unit' }, format: UNIT_FORMAT, applies: lots },
  { id: 'counterpart', name: { zh: '对方统一社会信用代码', en: 'counterpart' }, format: USCC_FORMAT, applies: (s) => ({ shown: true, required: s.counterpartRequired === true }) },
  { id: 'site', name: { zh: '地点', en: 'site' }, format: { zh: '场所标识（SGLN、数字链接或URI）；空则为登记的场所', en: 'site id (SGLN, Digital Link or URI); the registered site when empty' }, applies: always },
  { id: 'region', name: { zh: '行政区划', en: 'region' }, format: { zh: '6位行政区划代码（GB/T 2260）；空则为登记的区划', en: '6-digit GB/T 2260 code; the registered region when empty' }, applies: always },
  { id: 'time', name: { zh: '时间', en: 'time' }, format: { zh: '带时区的时间，如 2026-03-05T09:00:00+08:00', en: 'time with its offset, such as 2026-03-05T09:00:00+08:00' }, applies: () => ({ shown: true, required: true }) },
  { id: 'reference', name: { zh: '单据号', en: 'reference' }, format: { zh: '企业自己的单据、批记录或工单号', en: "the enterprise's own voucher, batch record or work order number" }, applies: always },
  { id: 'inputs.product', name: { zh: '投入产品', en: 'input product' }, format: PRODUCT_FORMAT, applies: transform },
  { id: 'inputs.lot', name: { zh: '投入批次', en: 'input lot' }, format: { zh: '投入产品的批次号', en: 'lot number of the input product' }, applies: transform },
  { id: 'inputs.codes', name: { zh: '投入单品编码', en: 'input item codes' }, format: CODES_FORMAT, applies: transform },
  { id: 'inputs.quantity', name: { zh: '投入数量', en: 'input quantity' }, format: QUANTITY_FORMAT, applies: transform },
  { id: 'inputs.unit', name: { zh: '投入单位', en: 'input unit' }, format: UNIT_FORMAT, applies: transform },
];

function headerOf(name: Text, id: string, required: boolean): string {
  return `${required ? '*' : ''}${name.zh} (${id})`;
}

function elementFormat(element: ElementDef): Text {
  const type = element.type;
  switch (type.kind) {
    case 'text': {
      const hint = type.patternHint ? `，${type.patternHint.zh}` : '';
      const enHint = type.patternHint ? `, ${type.patternHint.en}` : '';
      const max = type.maxLength !== undefined ? `，最多${type.maxLength}字` : '';
      return { zh: `文本${max}${hint}`, en: `text${type.maxLength !== undefined ? ` of at most ${type.maxLength} characters` : ''}${enHint}` };
    }
    case 'number':
    case 'integer': {
      const range = [type.min !== undefined ? `≥ ${type.min}` : '', type.max !== undefined ? `≤ ${type.max}` : ''].filter(Boolean).join(' ');
      return { zh: `${type.kind === 'integer' ? '整数' : '数字'}${range ? ` ${range}` : ''}`, en: `${type.kind === 'integer' ? 'whole number' : 'number'}${range ? ` ${range}` : ''}` };
    }
    case 'date':
      return { zh: '日期 YYYY-MM-DD', en: 'date YYYY-MM-DD' };
    case 'datetime':
      return { zh: '带时区的时间，如 2026-03-01T08:00:00+08:00', en: 'time with its offset, such as 2026-03-01T08:00:00+08:00' };
    case 'boolean':
      return { zh: '是 / 否', en: 'yes / no (是 / 否)' };
    case 'enum':
      return { zh: `以下之一：${type.values.map((v) => v.name.zh).join('、')}`, en: `one of ${type.values.map((v) => v.value).join(', ')}` };
    case 'uscc':
      return USCC_FORMAT;
    case 'region':
      return { zh: '6位行政区划代码（GB/T 2260）', en: '6-digit GB/T 2260 region code' };
  }
}

/** The columns of a stage's template: the record fields, then one per data element, required ones marked `*`. */
export function stageColumns(stage: StageDef): ImportColumn[] {
  const columns: ImportColumn[] = [];
  for (const def of FIELDS) {
    const { shown, required } = def.applies(stage);
    if (!shown) continue;
    columns.push({ field: def.id, id: def.id, name: def.name, required, header: headerOf(def.name, def.id, required), format: def.format, numeric: def.id.endsWith('quantity') });
  }
  for (const element of stage.elements) {
    const column: ImportColumn = {
      field: `data.${element.id}`, id: element.id, name: element.name, required: element.required,
      header: headerOf(element.name, element.id, element.required), format: elementFormat(element),
      numeric: element.type.kind === 'number' || element.type.kind === 'integer',
    };
    if (element.type.kind === 'number' || element.type.kind === 'integer') {
      if (element.type.unit) column.unit = element.type.unit;
    }
    if (element.type.kind === 'enum') column.values = element.type.values;
    columns.push(column);
  }
  return columns;
}

/** A header cell reduced to what matching compares: no `*`, half-width brackets, single spaces. */
function normalise(cell: string): string {
  return cell.replace(/^\uFEFF/, '').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/^\s*[*＊]\s*/, '').replace(/\s+/g, ' ').trim();
}

/** How the columns of a file map onto the template: the column for each cell (undefined for an empty header). */
export interface HeaderMap {
  /** For each position in the file, its template column, or undefined for an empty header cell. */
  columns: Array<ImportColumn | undefined>;
  /** The header text as the file writes it, by template field, to name columns in the error report. */
  written: Map<string, string>;
}

/**
 * Matches a file's header row to the stage's columns. A header may be the template's own (`*产品 (product)`), the
 * bare id (`product`, `animalQuarantineCertificate`) or the bare Chinese name (`产品`). Unknown, repeated and
 * missing required columns are reported against row 1.
 */
export function matchHeader(stage: StageDef, cells: string[]): { map: HeaderMap; issues: RecordIssue[] } {
  const template = stageColumns(stage);
  const byName = new Map<string, ImportColumn>();
  for (const column of template) {
    for (const name of [column.header, column.id, column.field, column.name.zh]) byName.set(normalise(name), column);
  }
  const issues: RecordIssue[] = [];
  const columns: Array<ImportColumn | undefined> = [];
  const written = new Map<string, string>();
  for (const cell of cells) {
    const text = normalise(cell);
    if (text === '') {
      columns.push(undefined);
      continue;
    }
    const column = byName.get(text) ?? byName.get(text.replace(/\s*\(/, ' ('));
    if (!column) {
      issues.push({
        row: 1, column: cell, field: '',
        reason: `“${cell}”不是“${stage.name.zh}”环节模板的列，可用列：${template.map((c) => c.header).join('、')} / "${cell}" is not a column of the template of stage "${stage.name.en}"; its columns are ${template.map((c) => c.id).join(', ')}`,
      });
      columns.push(undefined);
      continue;
    }
    if (written.has(column.field)) {
      issues.push({ row: 1, column: cell, field: column.field, reason: `“${column.name.zh}”列出现了两次 / the column "${column.id}" appears twice` });
      columns.push(undefined);
      continue;
    }
    written.set(column.field, cell);
    columns.push(column);
  }
  for (const column of template) {
    if (column.required && !written.has(column.field)) {
      issues.push({
        row: 1, column: column.header, field: column.field,
        reason: `缺少必填列“${column.header}” / the required column "${column.header}" is missing`,
      });
    }
  }
  return { map: { columns, written }, issues };
}

/** The column a record field names in the error report: as the file writes it, else as the template does. */
export function columnOf(field: string, stage: StageDef, map: HeaderMap): string {
  // `codes[2]` → `codes`, `inputs[0].lot` → `inputs.lot`.
  const key = field.replace(/\[\d+\]/g, '');
  const written = map.written.get(key);
  if (written !== undefined) return written;
  const column = stageColumns(stage).find((c) => c.field === key) ?? (key === 'inputs' ? stageColumns(stage).find((c) => c.field === 'inputs.lot') : undefined);
  return column?.header ?? '';
}
