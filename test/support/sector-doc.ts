import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRegionCode } from '../../src/domain/ids/region.js';
import { checkUscc } from '../../src/domain/ids/uscc.js';
import { checkElements } from '../../src/domain/sectors/check-elements.js';
import { findStage, type SectorProfile, type StageDef } from '../../src/domain/sectors/profile.js';
import { RECORD_FIELDS } from '../../src/domain/sectors/record-events.js';

/** The stage of the profile with this id; throws when the profile has none. */
export function getStage(profile: SectorProfile, id: string): StageDef {
  const found = findStage(profile, id);
  if (!found) throw new Error(`${profile.id} has no stage ${id}`);
  return found;
}

/** Registers, in the enclosing `describe`, the test that every element id of the profile can be a `zhuisu:` field. */
export function itNamesElementsAsExtensionFields(profile: SectorProfile): void {
  it('names its elements in camelCase ASCII, none of them a record field, each once per stage', () => {
    for (const s of profile.stages) {
      const ids = s.elements.map((e) => e.id);
      expect(new Set(ids).size, s.id).toBe(ids.length);
      for (const id of ids) {
        expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(RECORD_FIELDS).not.toContain(id);
      }
    }
  });
}

/**
 * Registers `describe('docs/sectors/<sector>.md')`: the doc's tables list every stage and element of the profile, its
 * Rules section names every rule of the profile and each of `rulesMention`, and its sample record names real parties
 * and regions and carries data its stage accepts.
 */
export function describeSectorDoc(profile: SectorProfile, opts: { rulesMention?: string[] } = {}): void {
  describe(`docs/sectors/${profile.id}.md`, () => {
    const doc = readFileSync(new URL(`../../docs/sectors/${profile.id}.md`, import.meta.url), 'utf8');

    it('lists every stage and every element of the profile', () => {
      for (const s of profile.stages) {
        expect(doc).toContain(`| \`${s.id}\` | ${s.name.zh} |`);
        for (const e of s.elements) {
          const name = e.name.zh.replace(/[()（）]/g, '.');
          expect(doc, `${s.id}.${e.id}`).toMatch(new RegExp(`\\| \`${e.id}\`( †)? \\| ${name} \\|`));
        }
      }
    });

    // A profile without rules has no Rules section to check.
    if (profile.rules.length > 0) {
      it('describes every rule of the profile under Rules', () => {
        const rules = doc.split('\n## Rules\n')[1]?.split('\n## ')[0] ?? '';
        for (const rule of profile.rules) {
          expect(rules, rule.id).toContain(`\`${rule.id}\``);
          expect(rules, rule.id).toContain(rule.name.zh);
        }
        for (const text of opts.rulesMention ?? []) expect(rules).toContain(text);
      });
    }

    it('gives a sample record of real parties and regions whose data its stage accepts', () => {
      const body: unknown = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? 'null');
      expect(body).toMatchObject({ sector: profile.id });
      if (typeof body !== 'object' || body === null) throw new Error('no sample record');
      const fields: Record<string, unknown> = Object.fromEntries(Object.entries(body));
      for (const key of ['party', 'counterpart']) {
        if (typeof fields[key] === 'string') expect(checkUscc(fields[key]), key).toMatchObject({ ok: true });
      }
      if (typeof fields.region === 'string') expect(checkRegionCode(fields.region)).toMatchObject({ ok: true });
      const data: Record<string, unknown> = typeof fields.data === 'object' && fields.data !== null ? { ...fields.data } : {};
      expect(checkElements(getStage(profile, String(fields.stage)), data).issues).toEqual([]);
    });
  });
}
