import { findUnitIdScheme } from '../ids/scheme.js';
import type { RecordIssue } from './check-elements.js';
import type { SectorProfile } from './profile.js';
import { RECORD_FIELDS } from './record-events.js';

const ID = /^[a-z][a-z0-9-]*$/;
const ELEMENT_ID = /^[a-z][A-Za-z0-9]*$/;
const EXTENSION_STEP = /^zhuisu:[a-z][a-z0-9-]*$/;
const CBV_WORD = /^[a-z][a-z_]*$/;

/**
 * The meaning checks of a profile that a schema cannot express: ids unique and well-formed, no element named like a
 * record field, every rule naming stages and elements that exist. Built-in profiles pass it in the tests; a profile
 * registered as data must pass it before it is stored.
 */
export function checkProfile(profile: SectorProfile): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const issue = (field: string, reason: string) => issues.push({ field, reason });
  if (!ID.test(profile.id)) issue('id', `行业标识须为小写字母、数字和连字符 / a sector id is lower-case letters, digits and hyphens, not "${profile.id}"`);
  if (!Number.isInteger(profile.version) || profile.version < 1) issue('version', `版本号须为正整数 / version must be a whole number from 1`);
  const stageIds = new Set<string>();
  profile.stages.forEach((stage, i) => {
    const at = `stages[${i}]`;
    if (!ID.test(stage.id)) issue(`${at}.id`, `环节标识“${stage.id}”须为小写字母、数字和连字符 / stage id "${stage.id}" must be lower-case letters, digits and hyphens`);
    if (stageIds.has(stage.id)) issue(`${at}.id`, `环节“${stage.id}”重复 / stage "${stage.id}" appears twice`);
    stageIds.add(stage.id);
    if (!CBV_WORD.test(stage.bizStep) && !EXTENSION_STEP.test(stage.bizStep)) {
      issue(`${at}.bizStep`, `业务步骤“${stage.bizStep}”须为CBV词或 zhuisu: 扩展步骤 / bizStep "${stage.bizStep}" must be a CBV word or a zhuisu: extension step`);
    }
    if (stage.codeScheme !== undefined && !findUnitIdScheme(stage.codeScheme)) {
      issue(`${at}.codeScheme`, `编码方案“${stage.codeScheme}”未知 / unknown code scheme "${stage.codeScheme}"`);
    }
    const elementIds = new Set<string>();
    stage.elements.forEach((element, j) => {
      const field = `${at}.elements[${j}].id`;
      if (!ELEMENT_ID.test(element.id)) issue(field, `数据项标识“${element.id}”须为驼峰式英文 / element id "${element.id}" must be camelCase ASCII`);
      if ((RECORD_FIELDS as readonly string[]).includes(element.id)) issue(field, `“${element.id}”是记录字段名，不能用作数据项 / "${element.id}" is a record field and cannot name an element`);
      if (elementIds.has(element.id)) issue(field, `数据项“${element.id}”在本环节重复 / element "${element.id}" appears twice in stage "${stage.id}"`);
      elementIds.add(element.id);
    });
  });
  const stageNamed = (field: string, id: string) => {
    if (!stageIds.has(id)) issue(field, `规则引用了不存在的环节“${id}” / the rule names stage "${id}", which the profile does not have`);
  };
  profile.rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    switch (rule.kind) {
      case 'due-date':
        stageNamed(`${at}.stage`, rule.stage);
        rule.from.forEach((s) => stageNamed(`${at}.from`, s));
        break;
      case 'max-interval':
        stageNamed(`${at}.stage`, rule.stage);
        rule.since.forEach((s) => stageNamed(`${at}.since`, s));
        break;
      case 'once-per-unit':
        rule.stages.forEach((s) => stageNamed(`${at}.stages`, s));
        break;
      case 'balance':
        [rule.stock, ...rule.inflow, ...rule.outflow].forEach((s) => stageNamed(`${at}`, s));
        break;
      case 'quota':
        rule.stages.forEach((s) => stageNamed(`${at}.stages`, s));
        for (const s of rule.stages) {
          if (!profile.stages.find((st) => st.id === s)?.elements.some((e) => e.id === rule.element)) {
            issue(`${at}.element`, `环节“${s}”没有数据项“${rule.element}” / stage "${s}" has no element "${rule.element}"`);
          }
        }
        break;
    }
  });
  return issues;
}
