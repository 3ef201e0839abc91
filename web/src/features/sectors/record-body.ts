import type { Dayjs } from 'dayjs';
import type { ElementDef, SectorProfile, StageDef } from './profile';

/** What the generated form holds: the record's common fields, and the stage's elements under `data`. */
export interface StageFormValues {
  time?: Dayjs;
  product?: string;
  lot?: string;
  quantity?: number;
  unit?: string;
  /** Item codes, one a line. */
  codes?: string;
  counterpart?: string;
  reference?: string;
  inputs?: Array<{ product?: string; lot?: string; quantity?: number; unit?: string; codes?: string }>;
  data?: Record<string, unknown>;
}

/** The body of POST /api/v1/records. */
export interface RecordBody {
  sector: string;
  stage: string;
  party: string;
  time: string;
  product?: string;
  lot?: string;
  codes?: string[];
  quantity?: number;
  unit?: string;
  counterpart?: string;
  inputs?: Array<{ product?: string; lot?: string; codes?: string[]; quantity?: number; unit?: string }>;
  reference?: string;
  data: Record<string, unknown>;
}

/** Units clerks write most; the server knows their UN/CEFACT codes, and others may be typed. */
export const UNIT_CHOICES = ['千克', '吨', '克', '升', '毫升', '件', '盒', '箱', '瓶', '支', '袋', '头', '台'];

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The instant as China Standard Time with its offset (2026-03-05T09:00:00+08:00), whatever the browser's zone. */
export function chinaTime(instant: Dayjs): string {
  return `${new Date(instant.valueOf() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** One code a line; blank lines and spaces around a code are a clerk's slips, not codes. */
export function codeLines(value: string | undefined): string[] {
  return (value ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

function isDayjs(value: unknown): value is Dayjs {
  return typeof value === 'object' && value !== null && 'isValid' in value && 'format' in value;
}

function elementValue(element: ElementDef, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (isDayjs(value)) return element.type.kind === 'date' ? value.format('YYYY-MM-DD') : chinaTime(value);
  if (typeof value === 'string') return text(value);
  return value;
}

/** Only what the clerk filled in is sent: an empty field is absent, so the server names what is missing. */
export function toRecordBody(values: StageFormValues, ctx: { profile: SectorProfile; stage: StageDef; party: string }): RecordBody {
  const data: Record<string, unknown> = {};
  for (const element of ctx.stage.elements) {
    const value = elementValue(element, values.data?.[element.id]);
    if (value !== undefined) data[element.id] = value;
  }
  const body: RecordBody = {
    sector: ctx.profile.id, stage: ctx.stage.id, party: ctx.party, time: values.time ? chinaTime(values.time) : '', data,
  };
  const product = text(values.product);
  const lot = text(values.lot);
  const unit = text(values.unit);
  const codes = codeLines(values.codes);
  const counterpart = text(values.counterpart);
  const reference = text(values.reference);
  if (product) body.product = product;
  if (lot) body.lot = lot;
  if (codes.length > 0) body.codes = codes;
  if (values.quantity !== undefined && values.quantity !== null) body.quantity = values.quantity;
  if (unit && body.quantity !== undefined) body.unit = unit;
  if (counterpart) body.counterpart = counterpart.toUpperCase();
  if (reference) body.reference = reference;
  if (ctx.stage.event === 'transform') {
    body.inputs = (values.inputs ?? []).map((input) => {
      const consumed: NonNullable<RecordBody['inputs']>[number] = {};
      const inputCodes = codeLines(input.codes);
      if (text(input.product)) consumed.product = text(input.product);
      if (text(input.lot)) consumed.lot = text(input.lot);
      if (inputCodes.length > 0) consumed.codes = inputCodes;
      if (input.quantity !== undefined && input.quantity !== null) consumed.quantity = input.quantity;
      if (text(input.unit) && consumed.quantity !== undefined) consumed.unit = text(input.unit);
      return consumed;
    });
  }
  return body;
}

/** The form field a problem names: `data.batchNumber` → ['data', 'batchNumber'], `inputs[0].lot` → ['inputs', 0, 'lot']. */
export function fieldPath(field: string): Array<string | number> {
  const path: Array<string | number> = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match?.[1]) return [field];
    path.push(match[1]);
    for (const index of match[2]?.matchAll(/\[(\d+)\]/g) ?? []) path.push(Number(index[1]));
  }
  // A bad code among many is marked on the codes box, which holds them all.
  if (path[0] === 'codes') return ['codes'];
  if (path[0] === 'inputs' && path[2] === 'codes') return path.slice(0, 3);
  return path;
}
