import { useEffect, useState } from 'react';
import { AutoComplete, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { api, ApiError } from '../../http';
import { useLang, useT } from '../../i18n';
import { ProblemAlert, inLang, problemIssues } from '../workspace/ProblemAlert';
import { ElementField } from './ElementField';
import { InputsList } from './InputsList';
import type { Product, RecordResult, SectorProfile, StageDef } from './profile';
import { UNIT_CHOICES, fieldPath, toRecordBody, type RecordBody, type StageFormValues } from './record-body';

const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export interface StageFormProps {
  profile: SectorProfile;
  stage: StageDef;
  /** USCC of the enterprise recording. */
  party: string;
  products: Product[];
  /** Values to start from, such as the lots and counterpart of a shipment being received. */
  initial?: Omit<StageFormValues, 'time'>;
  onRecorded: (result: RecordResult, body: RecordBody) => void;
}

/**
 * The record form of one stage, generated from its profile: the fields every record has (time, product, lot or codes,
 * counterpart, inputs) as the stage asks for them, then one field per data element with the element's own rules.
 */
export function StageForm({ profile, stage, party, products, initial, onRecorded }: StageFormProps) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<StageFormValues>();
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const ownProducts = products.filter((p) => p.sector === profile.id);
  const hasLot = stage.units !== 'items';
  const hasItems = stage.units !== 'lot';
  const hasCounterpart = stage.handover !== 'none' || stage.counterpartRequired === true;

  useEffect(() => {
    form.resetFields();
    setError(undefined);
  }, [form, profile.id, stage.id]);

  async function submit(values: StageFormValues) {
    const body = toRecordBody(values, { profile, stage, party });
    setSending(true);
    setError(undefined);
    try {
      const result = await api<RecordResult>('/api/v1/records', { json: body });
      onRecorded(result, body);
    } catch (err) {
      const failure = err instanceof ApiError ? err : new ApiError(0, { detail: String(err) });
      setError(failure);
      form.setFields(problemIssues(failure).filter((i) => i.field).map((i) => ({ name: fieldPath(i.field ?? ''), errors: [inLang(i.reason, lang)] })));
    } finally {
      setSending(false);
    }
  }

  const lotQuantityRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async (_: unknown, value: unknown) => {
      if (getFieldValue('lot') && (value === undefined || value === null)) throw new Error(t('批次须填写数量', 'a lot is recorded with its quantity'));
    },
  });

  return (
    <Form<StageFormValues>
      form={form}
      name="stage"
      layout="vertical"
      initialValues={{ time: dayjs(), ...initial }}
      onFinish={submit}
      scrollToFirstError
    >
      <ProblemAlert error={error} />
      <Card size="small" title={t('基本信息', 'Record')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="time" label={t('发生时间（北京时间）', 'Time (China Standard Time)')} rules={[{ required: true, message: t('请选择时间', 'choose the time') }]}>
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="product" label={t('产品', 'Product')} rules={[{ required: stage.event === 'create', message: t('请选择产品', 'choose the product') }]}>
              <Select allowClear showSearch optionFilterProp="label" options={ownProducts.map((p) => ({ value: p.gtin ?? p.code, label: `${p.name}（${p.code}）` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="reference" label={t('本企业单据号', 'Own reference')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          {hasLot && (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="lot" label={t('批次号', 'Lot')} rules={[{ required: stage.units === 'lot', message: t('请填写批次号', 'enter the lot') }, { max: 200 }]}
                  extra={stage.units === 'either' ? t('填写批次，或在下方填写单品编码，或两者都填', 'a lot, item codes below, or both') : undefined}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="quantity" label={t('数量', 'Quantity')} dependencies={['lot']} rules={[lotQuantityRule, { type: 'number', min: 0, message: t('数量不能为负', 'not negative') }]}>
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="unit" label={t('单位', 'Unit')}>
                  <AutoComplete options={UNIT_CHOICES.map((u) => ({ value: u }))} filterOption />
                </Form.Item>
              </Col>
            </>
          )}
          {hasItems && (
            <Col xs={24} md={hasCounterpart ? 16 : 24}>
              <Form.Item name="codes" label={t('单品编码（每行一个）', 'Item codes (one a line)')} rules={[{ required: stage.units === 'items', message: t('请填写单品编码', 'enter the item codes') }]}>
                <Input.TextArea rows={3} placeholder={stage.codeScheme} />
              </Form.Item>
            </Col>
          )}
          {hasCounterpart && (
            <Col xs={24} md={8}>
              <Form.Item name="counterpart" label={stage.handover === 'receive' ? t('发货方统一社会信用代码', 'Sender USCC') : t('收货方统一社会信用代码', 'Receiver USCC')}
                rules={[
                  { required: stage.counterpartRequired === true, message: t('本环节须填写对方的统一社会信用代码', 'this stage names the other party') },
                  { pattern: USCC_SHAPE, message: t('统一社会信用代码为18位数字和大写字母', 'a unified social credit code has 18 digits and capitals') },
                ]}>
                <Input maxLength={18} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {stage.event === 'transform' && <InputsList products={products} />}
      </Card>
      {stage.elements.length > 0 && (
        <Card size="small" title={`${t('数据项', 'Data elements')} · ${t(stage.name)}`} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {stage.elements.map((element) => (
              <Col xs={24} md={12} key={element.id}><ElementField element={element} /></Col>
            ))}
          </Row>
        </Card>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={sending}>{t('提交记录', 'Record')}</Button>
        <Button onClick={() => { form.resetFields(); setError(undefined); }}>{t('重置', 'Reset')}</Button>
      </Space>
    </Form>
  );
}
