import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, ApiError, download } from '../../http';
import { useT } from '../../i18n';
import { useEnterprise } from './enterprise';
import { ProblemAlert } from './ProblemAlert';
import { useApi } from './use-api';

interface IssueSummary {
  issueId: string;
  issuedAt: string;
  lotId?: string;
  product?: string;
  count: number;
}

interface IssueAnswer {
  issueId: string;
  issuedAt: string;
  count: number;
  codes?: Array<{ code: string; display: string; unit: string; url: string; lot?: string; product?: string }>;
  labels: { pdf: string; csv: string };
}

interface IssueForm {
  count: number;
  product?: string;
  lot?: string;
}

function IssueDownloads({ issueId }: { issueId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const base = `/api/v1/codes/issues/${encodeURIComponent(issueId)}`;
  const save = (kind: 'pdf' | 'csv') => {
    download(`${base}/labels.${kind}`, `labels-${issueId}.${kind}`).catch((err: unknown) => {
      void message.error(err instanceof ApiError ? (err.problem.detail ?? err.message) : String(err));
    });
  };
  return (
    <Space>
      <Button size="small" icon={<DownloadOutlined />} onClick={() => save('pdf')}>{t('标签 PDF', 'Labels PDF')}</Button>
      <Button size="small" icon={<DownloadOutlined />} onClick={() => save('csv')}>{t('打印数据 CSV', 'Printer CSV')}</Button>
    </Space>
  );
}

export function CodesPage() {
  const t = useT();
  const { products } = useEnterprise();
  const issues = useApi<{ items: IssueSummary[] }>('/api/v1/codes/issues');
  const [form] = Form.useForm<IssueForm>();
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const [made, setMade] = useState<IssueAnswer[]>([]);
  const latest = made[0];

  async function submit(values: IssueForm) {
    setSending(true);
    setError(undefined);
    try {
      const body = { count: values.count, ...(values.product ? { product: values.product } : {}), ...(values.lot?.trim() ? { lot: values.lot.trim() } : {}) };
      const answer = await api<IssueAnswer>('/api/v1/codes', { json: body });
      setMade((list) => [answer, ...list]);
      issues.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { detail: String(err) }));
    } finally {
      setSending(false);
    }
  }

  // Issues made here show at once, even where the platform cannot list issues yet.
  const listed = issues.data?.items ?? [];
  const rows: IssueSummary[] = [
    ...made.filter((m) => !listed.some((l) => l.issueId === m.issueId)).map((m) => ({
      issueId: m.issueId, issuedAt: m.issuedAt, count: m.count,
      ...(m.codes?.[0]?.product ? { product: m.codes[0].product } : {}), ...(m.codes?.[0]?.lot ? { lotId: m.codes[0].lot } : {}),
    })),
    ...listed,
  ];

  return (
    <>
      <Typography.Title level={3}>{t('追溯码与标签', 'Codes & labels')}</Typography.Title>
      <Card title={t('申领追溯码', 'Issue trace codes')} style={{ marginBottom: 24 }}>
        <ProblemAlert error={error} />
        <Form<IssueForm> form={form} name="codes" layout="inline" onFinish={submit} initialValues={{ count: 24 }} style={{ rowGap: 12 }}>
          <Form.Item name="count" label={t('数量', 'Count')} rules={[{ required: true, message: t('请填写数量', 'enter the count') }, { type: 'integer', min: 1, max: 1_000_000, message: t('1 至 1,000,000', '1 to 1,000,000') }]}>
            <InputNumber precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="product" label={t('产品', 'Product')}>
            <Select allowClear style={{ width: 260 }} options={products.map((p) => ({ value: p.gtin ?? p.name, label: p.name }))} />
          </Form.Item>
          <Form.Item name="lot" label={t('所属批次（追溯单元标识）', 'Lot (unit id)')}>
            <Input style={{ width: 340 }} placeholder="urn:zhuisu:lot:…" />
          </Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" loading={sending}>{t('申领追溯码', 'Issue codes')}</Button></Form.Item>
        </Form>
        {latest && (
          <div style={{ marginTop: 16 }} data-testid="issued">
            <Typography.Paragraph>
              {t(`已申领 ${latest.count} 个追溯码，申领编号 `, `${latest.count} codes issued, issue `)}<code>{latest.issueId}</code>
            </Typography.Paragraph>
            <IssueDownloads issueId={latest.issueId} />
            {latest.codes && (
              <Table
                style={{ marginTop: 12 }}
                size="small"
                rowKey="code"
                dataSource={latest.codes.slice(0, 5)}
                pagination={false}
                columns={[
                  { title: t('追溯码', 'Trace code'), dataIndex: 'display' },
                  { title: t('查询地址', 'Query URL'), dataIndex: 'url', render: (v: string) => <a href={v} target="_blank" rel="noreferrer">{v}</a> },
                ]}
                footer={latest.codes.length > 5 ? () => t(`共 ${latest.codes?.length} 个，完整列表见 CSV`, `${latest.codes?.length} in all; the CSV lists every one`) : undefined}
              />
            )}
          </div>
        )}
      </Card>
      <Card title={t('本企业的申领记录', 'Issues of this enterprise')}>
        {issues.error && issues.error.status !== 404 && <ProblemAlert error={issues.error} />}
        <Table<IssueSummary>
          rowKey="issueId"
          dataSource={rows}
          loading={issues.loading}
          columns={[
            { title: t('申领时间', 'Issued at'), dataIndex: 'issuedAt', render: (v: string) => new Date(v).toLocaleString() },
            { title: t('数量', 'Count'), dataIndex: 'count' },
            { title: t('产品', 'Product'), dataIndex: 'product', render: (v?: string) => v ?? '—' },
            { title: t('批次', 'Lot'), dataIndex: 'lotId', render: (v?: string) => (v ? <code>{v}</code> : '—') },
            { title: t('标签', 'Labels'), key: 'labels', render: (_: unknown, row) => <IssueDownloads issueId={row.issueId} /> },
          ]}
        />
      </Card>
    </>
  );
}
