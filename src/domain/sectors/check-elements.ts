import type { JsonValue } from '../event.js';
import { checkRegionCode } from '../ids/region.js';
import { checkUscc } from '../ids/uscc.js';
import type { ElementDef, StageDef, Text } from './profile.js';

/** One thing wrong with a record, named by its field (`data.approvalNumber`, `quantity`) with a bilingual reason. */
export interface RecordIssue {
  field: string;
  reason: string;
  /** The row of a bulk import the issue is in, counting the header as row 1. */
  row?: number;
  /** The column header of a bulk import. */
  column?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `“动物检疫合格证明编号” (animal quarantine certificate number, animalQuarantineCertificate)`, to name an element to a clerk. */
export function elementLabel(element: { id: string; name: Text }): string {
  return `“${element.name.zh}”`;
}

function englishLabel(element: { id: string; name: Text }): string {
  return `"${element.name.en}" (${element.id})`;
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

/** Checks one value against its element's type; returns the value to store, or a reason. */
function checkValue(element: ElementDef, value: unknown): { value: JsonValue } | { reason: string } {
  const zh = elementLabel(element);
  const en = englishLabel(element);
  const type = element.type;
  switch (type.kind) {
    case 'text': {
      if (typeof value !== 'string' || value.trim() === '') return { reason: `${zh}应为非空文本 / ${en} must be non-empty text` };
      const text = value.trim();
      // Characters as a person counts them (and as JSON Schema's maxLength does): 𠮷 is one, not two UTF-16 units.
      const length = [...text].length;
      if (type.maxLength !== undefined && length > type.maxLength) {
        return { reason: `${zh}最多${type.maxLength}个字符，实为${length}个 / ${en} has at most ${type.maxLength} characters, not ${length}` };
      }
      if (type.pattern !== undefined && !new RegExp(type.pattern, 'u').test(text)) {
        const hint = type.patternHint ?? { zh: `应符合格式 ${type.pattern}`, en: `must match ${type.pattern}` };
        return { reason: `${zh}“${text}”格式不对：${hint.zh} / ${en} "${text}" is malformed: ${hint.en}` };
      }
      return { value: text };
    }
    case 'number':
    case 'integer': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      const unit = type.unit ? ` ${type.unit}` : '';
      if (typeof number !== 'number' || !Number.isFinite(number)) return { reason: `${zh}应为数字 / ${en} must be a number` };
      if (type.kind === 'integer' && !Number.isInteger(number)) return { reason: `${zh}应为整数 / ${en} must be a whole number` };
      if (type.min !== undefined && number < type.min) return { reason: `${zh}不能小于${type.min}${unit} / ${en} must be at least ${type.min}${unit}` };
      if (type.max !== undefined && number > type.max) return { reason: `${zh}不能大于${type.max}${unit} / ${en} must be at most ${type.max}${unit}` };
      return { value: number };
    }
    case 'date':
      if (typeof value !== 'string' || !ISO_DATE.test(value) || !isRealDate(value)) {
        return { reason: `${zh}应为日期，格式 YYYY-MM-DD / ${en} must be a date written YYYY-MM-DD` };
      }
      return { value };
    case 'datetime':
      if (typeof value !== 'string' || !ISO_DATETIME.test(value) || Number.isNaN(Date.parse(value))) {
        return { reason: `${zh}应为带时区的时间，如 2026-03-01T08:00:00+08:00 / ${en} must be a time with its offset, such as 2026-03-01T08:00:00+08:00` };
      }
      return { value };
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      if (value === '是' || value === 'true' || value === 'yes') return { value: true };
      if (value === '否' || value === 'false' || value === 'no') return { value: false };
      return { reason: `${zh}应为“是”或“否” / ${en} must be true or false` };
    case 'enum': {
      const found = type.values.find((v) => v.value === value || v.name.zh === value || v.name.en === value);
      if (found) return { value: found.value };
      const allowed = type.values.map((v) => `${v.value}（${v.name.zh}）`).join('、');
      return { reason: `${zh}应为以下之一：${allowed} / ${en} must be one of ${type.values.map((v) => v.value).join(', ')}` };
    }
    case 'uscc': {
      if (typeof value !== 'string') return { reason: `${zh}应为统一社会信用代码 / ${en} must be a unified social credit code` };
      const checked = checkUscc(value);
      return checked.ok ? { value: checked.uscc.code } : { reason: `${zh}：${checked.reason}` };
    }
    case 'region': {
      if (typeof value !== 'string') return { reason: `${zh}应为6位行政区划代码 / ${en} must be a 6-digit GB/T 2260 region code` };
      const checked = checkRegionCode(value);
      return checked.ok ? { value: checked.region.code } : { reason: `${zh}：${checked.reason}` };
    }
  }
}

/**
 * Checks a record's data elements against its stage: every required element present, every value of its type, and
 * no element the stage does not define (a misspelt name would otherwise be dropped silently). Every problem is listed.
 */
export function checkElements(stage: StageDef, data: Record<string, unknown>, field = 'data'): { values: Record<string, JsonValue>; issues: RecordIssue[] } {
  const values: Record<string, JsonValue> = {};
  const issues: RecordIssue[] = [];
  for (const element of stage.elements) {
    const value = data[element.id];
    if (value === undefined || value === null || value === '') {
      if (element.required) {
        issues.push({
          field: `${field}.${element.id}`,
          reason: `缺少本环节必填的数据项${elementLabel(element)} / the required element ${englishLabel(element)} of stage "${stage.name.en}" is missing`,
        });
      }
      continue;
    }
    const checked = checkValue(element, value);
    if ('reason' in checked) issues.push({ field: `${field}.${element.id}`, reason: checked.reason });
    else values[element.id] = checked.value;
  }
  for (const key of Object.keys(data)) {
    if (stage.elements.some((e) => e.id === key)) continue;
    const known = stage.elements.map((e) => e.id).join(', ');
    issues.push({
      field: `${field}.${key}`,
      reason: `“${key}”不是“${stage.name.zh}”环节的数据项 / "${key}" is not an element of stage "${stage.name.en}"; its elements are: ${known || 'none'}`,
    });
  }
  return { values, issues };
}
