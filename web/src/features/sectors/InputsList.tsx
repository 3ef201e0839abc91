import { AutoComplete, Button, Col, Form, Input, InputNumber, Row } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import type { Product } from './profile';
import { UNIT_CHOICES } from './record-body';

/** What a transforming stage consumed: one row per input lot or set of codes. */
export function InputsList({ products }: { products: Product[] }) {
  const t = useT();
  return (
    <Form.List name="inputs" initialValue={[{}]}>
      {(fields, { add, remove }) => (
        <>
          <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('投入品（原料批次或编码）', 'Inputs (lots or codes consumed)')}</div>
          {fields.map(({ key, name }) => (
            <Row gutter={8} key={key} align="top">
              <Col xs={24} md={6}>
                <Form.Item name={[name, 'product']} label={t('产品', 'Product')}>
                  <AutoComplete options={products.map((p) => ({ value: p.gtin ?? p.productId, label: p.name }))} filterOption />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name={[name, 'lot']} label={t('批次号或追溯单元', 'Lot or unit id')}><Input /></Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[name, 'quantity']} label={t('数量', 'Quantity')}><InputNumber style={{ width: '100%' }} /></Form.Item>
              </Col>
              <Col xs={10} md={3}>
                <Form.Item name={[name, 'unit']} label={t('单位', 'Unit')}><AutoComplete options={UNIT_CHOICES.map((u) => ({ value: u }))} /></Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item name={[name, 'codes']} label={t('编码（每行一个）', 'Codes')}><Input.TextArea rows={1} /></Form.Item>
              </Col>
              <Col xs={2} md={1} style={{ paddingTop: 36 }}>
                <MinusCircleOutlined aria-label={t('删除', 'remove')} onClick={() => remove(name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>{t('添加投入品', 'Add an input')}</Button>
        </>
      )}
    </Form.List>
  );
}
