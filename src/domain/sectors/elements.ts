import type { ElementDef, ElementType, Text, Visibility } from './profile.js';

/** Builders for the element dictionary, so that a profile reads as a table of its elements. */
type Options = { required?: boolean; visibility?: Visibility; ilmd?: boolean; bizTransactionType?: string; description?: Text };

function element(id: string, zh: string, en: string, type: ElementType, opts: Options): ElementDef {
  const def: ElementDef = { id, name: { zh, en }, type, required: opts.required ?? false, visibility: opts.visibility ?? 'regulator' };
  if (opts.ilmd) def.ilmd = true;
  if (opts.bizTransactionType) def.bizTransactionType = opts.bizTransactionType;
  if (opts.description) def.description = opts.description;
  return def;
}

export const text = (id: string, zh: string, en: string, opts: Options & { maxLength?: number; pattern?: string; patternHint?: Text } = {}): ElementDef => {
  const type: ElementType = { kind: 'text', maxLength: opts.maxLength ?? 100 };
  if (opts.pattern) type.pattern = opts.pattern;
  if (opts.patternHint) type.patternHint = opts.patternHint;
  return element(id, zh, en, type, opts);
};

export const date = (id: string, zh: string, en: string, opts: Options = {}): ElementDef => element(id, zh, en, { kind: 'date' }, opts);

export const number = (id: string, zh: string, en: string, opts: Options & { unit?: string; min?: number; max?: number } = {}): ElementDef => {
  const type: ElementType = { kind: 'number' };
  if (opts.unit !== undefined) type.unit = opts.unit;
  if (opts.min !== undefined) type.min = opts.min;
  if (opts.max !== undefined) type.max = opts.max;
  return element(id, zh, en, type, opts);
};

export const choice = (id: string, zh: string, en: string, values: Array<[string, string, string]>, opts: Options = {}): ElementDef =>
  element(id, zh, en, { kind: 'enum', values: values.map(([value, vzh, ven]) => ({ value, name: { zh: vzh, en: ven } })) }, opts);

export const uscc = (id: string, zh: string, en: string, opts: Options = {}): ElementDef => element(id, zh, en, { kind: 'uscc' }, opts);

export const region = (id: string, zh: string, en: string, opts: Options = {}): ElementDef => element(id, zh, en, { kind: 'region' }, opts);

/** 合格 / 不合格, the result of a check or an inspection. */
export const passFail = (id: string, zh: string, en: string, opts: Options = {}): ElementDef =>
  choice(id, zh, en, [['pass', '合格', 'pass'], ['fail', '不合格', 'fail']], opts);

/** A delivery note or invoice number, also listed as the event's business transaction. */
export const voucher = (opts: Options = {}): ElementDef =>
  text('voucherNumber', '随货单据号', 'delivery note or invoice number', { visibility: 'owner', bizTransactionType: 'desadv', ...opts });
