import type { RecordIssue } from '../../domain/sectors/check-elements.js';
import type { RecordInput } from '../../domain/sectors/record-input.js';
import type { HeaderMap } from './columns.js';

type Input = NonNullable<RecordInput['inputs']>[number];

const CODE_SEPARATOR = /[;；]/;

function codesOf(text: string): string[] {
  return text.split(CODE_SEPARATOR).map((c) => c.trim()).filter((c) => c !== '');
}

/** A number cell: plain decimal notation, thousands separators allowed (`1,200.5`). */
function numberOf(text: string): number | undefined {
  const plain = text.replace(/[,，\s]/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}

/**
 * One row of a file as a RecordInput of the given stage. Empty cells are left out, so that the record is what the row
 * says; a quantity that is not a number is an issue of its own (named by field, placed by the caller).
 */
export function rowToInput(cells: readonly string[], map: HeaderMap, base: { sector: string; stage: string }): { input: RecordInput; issues: RecordIssue[] } {
  const input: RecordInput = { sector: base.sector, stage: base.stage, party: '', time: '' };
  const issues: RecordIssue[] = [];
  const data: Record<string, unknown> = {};
  const consumed: Input = {};
  let hasInput = false;
  const quantity = (text: string, field: string): number | undefined => {
    const value = numberOf(text);
    if (value === undefined) issues.push({ field, reason: `数量“${text}”不是数字 / quantity "${text}" is not a number` });
    return value;
  };
  for (let i = 0; i < map.columns.length; i++) {
    const column = map.columns[i];
    const text = cells[i]?.trim() ?? '';
    if (!column || text === '') continue;
    const field = column.field;
    if (field.startsWith('data.')) {
      data[column.id] = text;
      continue;
    }
    switch (field) {
      case 'party': input.party = text; break;
      case 'time': input.time = text; break;
      case 'product': input.product = text; break;
      case 'lot': input.lot = text; break;
      case 'codes': input.codes = codesOf(text); break;
      case 'quantity': {
        const value = quantity(text, 'quantity');
        if (value !== undefined) input.quantity = value;
        break;
      }
      case 'unit': input.unit = text; break;
      case 'counterpart': input.counterpart = text; break;
      case 'site': input.site = text; break;
      case 'region': input.region = text; break;
      case 'reference': input.reference = text; break;
      case 'inputs.product': consumed.product = text; hasInput = true; break;
      case 'inputs.lot': consumed.lot = text; hasInput = true; break;
      case 'inputs.codes': consumed.codes = codesOf(text); hasInput = true; break;
      case 'inputs.quantity': {
        hasInput = true;
        const value = quantity(text, 'inputs[0].quantity');
        if (value !== undefined) consumed.quantity = value;
        break;
      }
      case 'inputs.unit': consumed.unit = text; hasInput = true; break;
    }
  }
  if (hasInput) input.inputs = [consumed];
  if (Object.keys(data).length > 0) input.data = data;
  return { input, issues };
}

/** A row with nothing in it, which spreadsheets leave behind; it is skipped, not reported. */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}
