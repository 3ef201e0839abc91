import { DatePicker, Form, Input, InputNumber, Radio, Select, Tag, Tooltip } from 'antd';
import type { Rule } from 'antd/es/form';
import { useT } from '../../i18n';
import type { ElementDef } from './profile';

// GB 32100: 18 characters of digits and capitals without I, O, S, V, Z; the check character is the server's to verify.
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

type T = ReturnType<typeof useT>;

/** The rules of the form item, read from the element's type as the server checks it (check-elements.ts). */
export function elementRules(element: ElementDef, t: T): Rule[] {
  const name = t(element.name);
  const rules: Rule[] = [];
  if (element.required) rules.push({ required: true, message: t(`请填写“${element.name.zh}”`, `${element.name.en} is required`) });
  const type = element.type;
  switch (type.kind) {
    case 'text':
      if (element.required) rules.push({ whitespace: true, message: t(`“${element.name.zh}”不能只有空格`, `${element.name.en} cannot be blank`) });
      if (type.maxLength !== undefined) rules.push({ max: type.maxLength, message: t(`最多${type.maxLength}个字符`, `at most ${type.maxLength} characters`) });
      if (type.pattern !== undefined) {
        rules.push({ pattern: new RegExp(type.pattern, 'u'), message: type.patternHint ? t(type.patternHint) : t(`${name}格式不对`, `${name} is malformed`) });
      }
      break;
    case 'number':
    case 'integer':
      rules.push({
        type: type.kind === 'integer' ? 'integer' : 'number',
        ...(type.min !== undefined ? { min: type.min } : {}),
        ...(type.max !== undefined ? { max: type.max } : {}),
        message: t(`应为${type.kind === 'integer' ? '整数' : '数字'}${range(type.min, type.max)}`, `a ${type.kind === 'integer' ? 'whole number' : 'number'}${range(type.min, type.max)}`),
      });
      break;
    case 'uscc':
      rules.push({ pattern: USCC_SHAPE, message: t('统一社会信用代码为18位数字和大写字母', 'a unified social credit code has 18 digits and capitals') });
      break;
    case 'region':
      rules.push({ pattern: /^\d{6}$/, message: t('行政区划代码为6位数字（GB/T 2260）', 'a GB/T 2260 region code has 6 digits') });
      break;
    default:
      break;
  }
  return rules;
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` ${min} – ${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return '';
}

/** Form.Item hands its child the value, onChange and id; they go on to the control the element's type needs. */
type ControlProps = Record<string, unknown>;

function ElementInput({ element, ...control }: { element: ElementDef } & ControlProps) {
  const t = useT();
  const type = element.type;
  switch (type.kind) {
    case 'text':
      return (type.maxLength ?? 0) > 200 ? <Input.TextArea rows={3} {...control} /> : <Input {...control} />;
    case 'number':
    case 'integer':
      return <InputNumber style={{ width: '100%' }} precision={type.kind === 'integer' ? 0 : undefined} suffix={type.unit} {...control} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} {...control} />;
    case 'datetime':
      return <DatePicker showTime style={{ width: '100%' }} {...control} />;
    case 'boolean':
      return <Radio.Group options={[{ value: true, label: t('是', 'Yes') }, { value: false, label: t('否', 'No') }]} {...control} />;
    case 'enum':
      return <Select allowClear options={type.values.map((v) => ({ value: v.value, label: t(v.name) }))} {...control} />;
    case 'uscc':
      return <Input maxLength={18} placeholder="91460100MA5RD0A1X7" {...control} />;
    case 'region':
      return <Input maxLength={6} placeholder="460100" {...control} />;
  }
}

const VISIBILITY = {
  public: { color: 'green', zh: '公开', en: 'public' },
  regulator: { color: 'blue', zh: '监管可见', en: 'regulators' },
  owner: { color: 'default', zh: '仅本企业', en: 'own only' },
} as const;

/** One antd form item for one data element of the stage, under data.<id>. */
export function ElementField({ element }: { element: ElementDef }) {
  const t = useT();
  const seen = VISIBILITY[element.visibility];
  const label = (
    <span>
      {t(element.name)}{' '}
      <Tooltip title={t('谁能看到此项', 'who may read this element')}><Tag color={seen.color}>{t(seen.zh, seen.en)}</Tag></Tooltip>
    </span>
  );
  return (
    <Form.Item
      name={['data', element.id]}
      label={label}
      rules={elementRules(element, t)}
      tooltip={element.description ? t(element.description) : undefined}
    >
      <ElementInput element={element} />
    </Form.Item>
  );
}
