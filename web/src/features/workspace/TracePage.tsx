import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Input, Radio, Space, Spin, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError, download } from '../../http';
import { useT } from '../../i18n';
import { ProblemAlert } from './ProblemAlert';
import { localEventTime, shortUnit, type TraceEvent, type TraceView } from './trace-view';
import { useApi } from './use-api';

// ECharts loads with the trace page only, not with every page of the workspace.
const TraceGraph = lazy(() => import('./TraceGraph').then((m) => ({ default: m.TraceGraph })));

type Direction = 'backward' | 'forward' | 'both';

function isDirection(value: string | null): value is Direction {
  return value === 'backward' || value === 'forward' || value === 'both';
}

export function TracePage() {
  const t = useT();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const id = params.get('id')?.trim() ?? '';
  const given = params.get('direction');
  const direction: Direction = isDirection(given) ? given : 'both';
  const [typed, setTyped] = useState(id);
  const query = `direction=${direction}`;
  const trace = useApi<TraceView>(id ? `/api/v1/trace/${encodeURIComponent(id)}?${query}` : null);
  const shown = trace.data && !trace.loading ? trace.data : undefined;

  function search(next: { id?: string; direction?: Direction }) {
    const nextId = (next.id ?? typed).trim();
    if (!nextId) return;
    setParams({ id: nextId, direction: next.direction ?? direction });
  }

  function exportCsv() {
    download(`/api/v1/trace/${encodeURIComponent(id)}/export.csv?${query}`, 'trace.csv').catch((err: unknown) => {
      void message.error(err instanceof ApiError ? (err.problem.detail ?? err.message) : String(err));
    });
  }

  return (
    <>
      <Typography.Title level={3}>{t('追溯查询', 'Trace')}</Typography.Title>
      <Card style={{ marginBottom: 24 }}>
        <Space wrap>
          <Input.Search
            id="trace-id"
            style={{ width: 520 }}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(value) => search({ id: value })}
            enterButton={t('追溯', 'Trace')}
            placeholder={t('批次标识、追溯码、药品追溯码…', 'Lot URI, trace code, drug code…')}
            allowClear
          />
          <Radio.Group
            value={direction}
            optionType="button"
            onChange={(e) => search({ direction: e.target.value as Direction })}
            options={[
              { value: 'backward', label: t('溯源（向上）', 'Backward') },
              { value: 'forward', label: t('追踪（向下）', 'Forward') },
              { value: 'both', label: t('双向', 'Both') },
            ]}
          />
          <Button icon={<DownloadOutlined />} disabled={!shown} onClick={exportCsv}>{t('导出 CSV', 'Export CSV')}</Button>
        </Space>
      </Card>
      <ProblemAlert error={id ? trace.error : undefined} />
      {trace.loading && <Card loading />}
      {shown && (
        <>
          {shown.visibility.outOfSight.length > 0 && (
            <Alert style={{ marginBottom: 16 }} type="info" showIcon
              title={t('链条在以下单元处超出本企业可见范围', 'The chain goes on beyond what this enterprise may see, at:')}
              description={shown.visibility.outOfSight.map((u) => <div key={u}><code>{u}</code></div>)} />
          )}
          {shown.truncated && <Alert style={{ marginBottom: 16 }} type="warning" showIcon title={t('结果过大，已截断', 'The trace was cut short: too large')} />}
          <Card title={t(`追溯单元（${shown.nodes.length}）`, `Units (${shown.nodes.length})`)} style={{ marginBottom: 24 }}>
            <Suspense fallback={<Spin />}><TraceGraph trace={shown} /></Suspense>
          </Card>
          <Card title={<span data-testid="event-count">{t(`事件（${shown.events.length}）`, `Events (${shown.events.length})`)}</span>}>
            <Table<TraceEvent>
              rowKey="eventId"
              size="small"
              dataSource={shown.events}
              pagination={{ pageSize: 100, hideOnSinglePage: true }}
              columns={[
                { title: t('时间', 'Time'), key: 'time', render: (_: unknown, e) => localEventTime(e), width: 190 },
                { title: t('业务步骤', 'Business step'), dataIndex: 'bizStep', render: (v?: string) => (v ? <Tag>{v}</Tag> : '—') },
                { title: t('记录企业', 'Recorded by'), dataIndex: 'recordedBy', render: (v?: string) => v ?? '—' },
                {
                  title: t('追溯单元', 'Units'), key: 'units',
                  render: (_: unknown, e) => e.units.map((u) => (
                    <div key={`${u.role}-${u.id}`} title={u.id}>
                      <code>{shortUnit(u.id)}</code>{u.quantity !== undefined ? ` × ${u.quantity}${u.uom ? ` ${u.uom}` : ''}` : ''}
                      {u.role !== 'named' ? <Tag style={{ marginLeft: 4 }}>{u.role}</Tag> : null}
                    </div>
                  )),
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
