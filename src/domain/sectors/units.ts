/**
 * Units of measure as UN/CEFACT Recommendation 20 codes, which EPCIS quantity elements carry (`uom`), with the Chinese
 * names clerks write. `toBase` converts to the base unit of the unit's dimension, so that ledgers in kg and t add up.
 */
const UNITS: Record<string, { names: string[]; base: string; toBase: number }> = {
  KGM: { names: ['千克', '公斤', 'kg'], base: 'KGM', toBase: 1 },
  GRM: { names: ['克', 'g'], base: 'KGM', toBase: 0.001 },
  TNE: { names: ['吨', 't'], base: 'KGM', toBase: 1000 },
  JIN: { names: ['斤'], base: 'KGM', toBase: 0.5 },
  LTR: { names: ['升', 'L', 'l'], base: 'LTR', toBase: 1 },
  MLT: { names: ['毫升', 'mL', 'ml'], base: 'LTR', toBase: 0.001 },
  MTQ: { names: ['立方米', 'm3', 'm³'], base: 'LTR', toBase: 1000 },
  H87: { names: ['件', '个', '只', '头', '瓶', '盒', '箱', '袋', '罐', '听', '桶', '包', '支', '台', '套', '枚', 'pcs'], base: 'H87', toBase: 1 },
};

// 斤 has no UN/CEFACT code; it is written in kilograms in events.
const WRITTEN_AS: Record<string, { code: string; factor: number }> = { JIN: { code: 'KGM', factor: 0.5 } };

/** The UN/CEFACT code for a code or a Chinese name (`公斤` → `KGM`), or undefined when unknown. */
export function findUnit(input: string): string | undefined {
  const trimmed = input.trim();
  if (UNITS[trimmed.toUpperCase()]) return trimmed.toUpperCase();
  for (const [code, unit] of Object.entries(UNITS)) if (unit.names.includes(trimmed)) return code;
  return undefined;
}

/** A quantity in a unit that events can carry: 斤 becomes kilograms. */
export function normaliseQuantity(quantity: number, unit: string): { quantity: number; uom: string } {
  const written = WRITTEN_AS[unit];
  return written ? { quantity: quantity * written.factor, uom: written.code } : { quantity, uom: unit };
}

/** The quantity in its dimension's base unit (KGM, LTR, H87), or undefined for a unit outside the table. */
export function inBaseUnit(quantity: number, uom: string | null | undefined): { quantity: number; base: string } | undefined {
  const unit = uom ? UNITS[uom] : UNITS.H87;
  return unit && { quantity: quantity * unit.toBase, base: unit.base };
}

/** The codes and names accepted, for an error message. */
export function knownUnits(): string {
  return Object.entries(UNITS).filter(([code]) => !WRITTEN_AS[code]).map(([code, u]) => `${code}（${u.names[0]}）`).join('、');
}
