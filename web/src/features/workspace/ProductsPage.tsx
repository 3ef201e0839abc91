import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Table, Typography } from 'antd';
import { api, ApiError } from '../../http';
import { useT } from '../../i18n';
import type { Text } from '../../i18n';
import type { Product } from '../sectors/profile';
import { useEnterprise } from './enterprise';
import { ProblemAlert } from './ProblemAlert';
import { SitesCard } from './SitesCard';
import { useApi } from './use-api';

interface CatalogueEntry {
  id: string;
  sector: string;
  name: Text;
  list: 'key' | 'encouraged';
  retiredIn?: number;
}

interface ProductForm {
  code: string;
  name: string;
  catalogueEntry: string;
  gtin?: string;
}

function RegisterProduct({ onRegistered }: { onRegistered: (product: Product) => void }) {
  const t = useT();
  const { party, ownSectors } = useEnterprise();
  const catalogue = useApi<{ entries: CatalogueEntry[] }>('/api/v1/catalogue');
  const [form] = Form.useForm<ProductForm>();
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const sectorIds = new Set(ownSectors.map((s) => s.id));
  const entries = (catalogue.data?.entries ?? []).filter((e) => e.retiredIn === undefined && sectorIds.has(e.sector));

  async function submit(values: ProductForm) {
    if (!party) return;
    setSending(true);
    setError(undefined);
    try {
      const body = { party: party.uscc, code: values.code.trim(), name: values.name.trim(), catalogueEntry: values.catalogueEntry, ...(values.gtin?.trim() ? { gtin: values.gtin.trim() } : {}) };
      onRegistered(await api<Product>('/api/v1/products', { json: body }));
      form.resetFields();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { detail: String(err) }));
    } finally {
      setSending(false);
    }
  }

  return (
    <Card title={t('登记产品', 'Register a product')} style={{ marginBottom: 24 }}>
      <ProblemAlert error={error} />
      <Form<ProductForm> form={form} name="product" layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
        <Form.Item name="code" label={t('产品编码', 'Code')} rules={[{ required: true, message: t('请填写产品编码', 'enter the code') }, { pattern: /^[^\s/]+$/, message: t('不能含空格或“/”', 'no spaces or "/"') }, { max: 64 }]}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="name" label={t('产品名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写产品名称', 'enter the name') }, { max: 200 }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="catalogueEntry" label={t('目录条目', 'Catalogue entry')} rules={[{ required: true, message: t('请选择目录条目', 'choose the entry') }]}>
          <Select style={{ width: 220 }} loading={catalogue.loading} options={entries.map((e) => ({ value: e.id, label: t(e.name) }))} />
        </Form.Item>
        <Form.Item name="gtin" label="GTIN" rules={[{ pattern: /^(\d{8}|\d{12,14})$/, message: t('GTIN 为8、12、13或14位数字', 'GTIN-8/12/13/14 digits') }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item><Button type="primary" htmlType="submit" loading={sending}>{t('登记', 'Register')}</Button></Form.Item>
      </Form>
    </Card>
  );
}

export function ProductsPage() {
  const t = useT();
  const { message } = App.useApp();
  const { products, reloadProducts, isAdmin, sectors } = useEnterprise();
  const sectorName = (id: string) => {
    const found = sectors.find((s) => s.id === id);
    return found ? t(found.name) : id;
  };
  return (
    <>
      <Typography.Title level={3}>{t('产品与地点', 'Products & sites')}</Typography.Title>
      {isAdmin && (
        <RegisterProduct onRegistered={(p) => { void message.success(t(`已登记 ${p.name}`, `Registered ${p.name}`)); reloadProducts(); }} />
      )}
      <Card title={t('已登记产品', 'Registered products')} style={{ marginBottom: 24 }}>
        <Table<Product>
          rowKey="productId"
          dataSource={products}
          pagination={false}
          columns={[
            { title: t('产品名称', 'Name'), dataIndex: 'name' },
            { title: t('产品编码', 'Code'), dataIndex: 'code' },
            { title: 'GTIN', dataIndex: 'gtin', render: (v?: string) => v ?? '—' },
            { title: t('目录条目', 'Catalogue entry'), dataIndex: 'catalogueEntry' },
            { title: t('行业', 'Sector'), dataIndex: 'sector', render: sectorName },
            { title: t('产品标识', 'Product id'), dataIndex: 'productId', render: (v: string) => <code>{v}</code> },
          ]}
        />
      </Card>
      <SitesCard />
    </>
  );
}
