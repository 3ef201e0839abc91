import { describe, expect, it } from 'vitest';
import { nationalCatalogue } from '../../../src/domain/sectors/catalogue.js';
import { checkProfile } from '../../../src/domain/sectors/check-profile.js';
import { BUILT_IN_PROFILES } from '../../../src/domain/sectors/index.js';
import { drugProfile } from '../../../src/domain/sectors/drug.js';

describe('built-in sector profiles', () => {
  it('has one profile per product class of 95号 plus imported products', () => {
    expect(BUILT_IN_PROFILES.map((p) => p.id)).toEqual(['edible-agri', 'food', 'drug', 'agri-input', 'special-equipment', 'hazardous', 'rare-earth', 'imported']);
  });

  it('passes the profile checks that a profile registered as data must pass', () => {
    for (const profile of BUILT_IN_PROFILES) expect(checkProfile(profile), profile.id).toEqual([]);
  });

  it('never makes prices, customers or personal data public', () => {
    const personal = /price|filler|pharmacist|prescription|custodian|escort|witness|voucher|invoice/i;
    for (const profile of BUILT_IN_PROFILES) {
      for (const stage of profile.stages) {
        for (const element of stage.elements) {
          if (personal.test(element.id)) expect(element.visibility, `${profile.id}/${stage.id}/${element.id}`).not.toBe('public');
        }
      }
    }
  });

  it('derives the national key list from the product kinds of the profiles', () => {
    const entries = nationalCatalogue(BUILT_IN_PROFILES);
    expect(entries.filter((e) => e.sector === 'drug').map((e) => e.id)).toEqual(['drug.preparation', 'drug.api', 'drug.decoction-piece']);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });
});

describe('profile checks', () => {
  it('refuses an element named like a record field and a rule naming a missing stage', () => {
    const broken = {
      ...drugProfile,
      stages: drugProfile.stages.map((s, i) => (i === 0 ? { ...s, elements: [...s.elements, { ...s.elements[0], id: 'party' }] } : s)),
      rules: [{ id: 'x', kind: 'once-per-unit' as const, stages: ['sale'], action: 'reject' as const, name: { zh: '一', en: 'one' } }],
    };
    expect(checkProfile(broken as typeof drugProfile)).toEqual([
      { field: 'stages[0].elements[6].id', reason: '“party”是记录字段名，不能用作数据项 / "party" is a record field and cannot name an element' },
      { field: 'rules[0].stages', reason: '规则引用了不存在的环节“sale” / the rule names stage "sale", which the profile does not have' },
    ]);
  });
});
