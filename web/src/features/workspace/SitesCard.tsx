import { useState } from 'react';
import { Button, Card, Form, Input, Table } from 'antd';
import { api, ApiError } from '../../http';
import { useT } from '../../i18n';
import { useEnterprise } from './enterprise';
import { ProblemAlert } from './ProblemAlert';
import { useApi } from './use-api';

interface Site {
  site: string;
  name: string;
  region: string;
  regionName?: string;
  registeredAt?: string;
}

interface SiteForm {
  name: string;
  region: string;
}

/** The enterprise's sites: its registered main site, and the others it registered where the platform keeps them. */
export function SitesCard() {
  const t = useT();
  const { party, isAdmin } = useEnterprise();
  const path = party ? `/api/v1/parties/${encodeURIComponent(party.uscc)}/sites` : null;
  const sites = useApi<{ items: Site[] }>(path);
  const [form] = Form.useForm<SiteForm>();
  const [error, setError] = useState<ApiError>();
  // A platform without the sites API answers 404: then only the party's registered site is known.
  const hasSitesApi = !(sites.error?.status === 404);
  const main: Site[] = party ? [{ site: party.site, name: t('登记地点（主）', 'Registered site (main)'), region: party.region }] : [];
  const listed = sites.data?.items ?? [];
  const rows = [...main.filter((m) => !listed.some((s) => s.site === m.site)), ...listed];

  async function submit(values: SiteForm) {
    if (!path) return;
    setError(undefined);
    try {
      await api<Site>(path, { json: { name: values.name.trim(), region: values.region.trim() } });
      form.resetFields();
      sites.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { detail: String(err) }));
    }
  }

  return (
    <Card title={t('生产经营地点', 'Sites')}>
      {sites.error && sites.error.status !== 404 && <ProblemAlert error={sites.error} />}
      <Table<Site>
        rowKey="site"
        dataSource={rows}
        loading={sites.loading}
        pagination={false}
        columns={[
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('行政区划', 'Region'), dataIndex: 'region', render: (v: string, s) => (s.regionName ? `${v} ${s.regionName}` : v) },
          { title: t('地点标识', 'Site id'), dataIndex: 'site', render: (v: string) => <code>{v}</code> },
        ]}
      />
      {isAdmin && hasSitesApi && (
        <>
          <ProblemAlert error={error} />
          <Form<SiteForm> form={form} name="site" layout="inline" onFinish={submit} style={{ marginTop: 16, rowGap: 12 }}>
            <Form.Item name="name" label={t('地点名称', 'Site name')} rules={[{ required: true, whitespace: true, message: t('请填写地点名称', 'enter the name') }]}>
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="region" label={t('行政区划代码', 'Region code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('6位行政区划代码', 'a 6-digit region code') }]}>
              <Input style={{ width: 100 }} maxLength={6} />
            </Form.Item>
            <Form.Item><Button htmlType="submit">{t('添加地点', 'Add a site')}</Button></Form.Item>
          </Form>
        </>
      )}
    </Card>
  );
}
