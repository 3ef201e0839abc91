import { Alert, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLang, useT } from '../../../i18n';
import { formatDate } from '../format-time';
import { usePublicList } from './use-public-list';

interface Recall {
  recallId: string;
  product: string;
  lot?: string;
  producer: { uscc: string; name: string };
  reason: string;
  level?: string;
  startedAt: string;
  region?: string;
  regionName?: string;
}

interface ConsumerAlert {
  alertId: string;
  title: string;
  body: string;
  publishedAt: string;
  region?: string;
  regionName?: string;
}

interface Listed {
  uscc: string;
  name: string;
  reason: string;
  listedAt: string;
  until?: string;
  regionName?: string;
}

export function RecallsPage() {
  const t = useT();
  const { lang } = useLang();
  return (
    <PublicList<Recall>
      title={t('产品召回', 'Product recalls')}
      path="/api/v1/public/recalls"
      empty={t('暂无召回', 'No recalls')}
      itemKey={(r) => r.recallId}
      render={(r) => (
        <>
          <Flex justify="space-between" gap={8} wrap>
            <Typography.Text strong>{r.product}</Typography.Text>
            {r.level && <Tag color="red">{r.level}</Tag>}
          </Flex>
          {r.lot && <Line label={t('批次', 'Lot')}>{r.lot}</Line>}
          <Line label={t('生产者', 'Producer')}>{r.producer.name}</Line>
          <Line label={t('原因', 'Reason')}>{r.reason}</Line>
          <Line label={t('开始', 'Since')}>{formatDate(r.startedAt, lang)}{r.regionName ? ` · ${r.regionName}` : ''}</Line>
        </>
      )}
    />
  );
}

export function ConsumerAlertsPage() {
  const t = useT();
  const { lang } = useLang();
  return (
    <PublicList<ConsumerAlert>
      title={t('消费提示', 'Consumer alerts')}
      path="/api/v1/public/consumer-alerts"
      empty={t('暂无消费提示', 'No consumer alerts')}
      itemKey={(a) => a.alertId}
      render={(a) => (
        <>
          <Typography.Text strong>{a.title}</Typography.Text>
          <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-line' }}>{a.body}</Typography.Paragraph>
          <Typography.Text type="secondary">{formatDate(a.publishedAt, lang)}{a.regionName ? ` · ${a.regionName}` : ''}</Typography.Text>
        </>
      )}
    />
  );
}

export function BlacklistPage() {
  const t = useT();
  const { lang } = useLang();
  return (
    <PublicList<Listed>
      title={t('失信名单', 'Blacklist')}
      path="/api/v1/public/blacklist"
      empty={t('暂无失信主体', 'Nobody is blacklisted')}
      itemKey={(l) => `${l.uscc} ${l.listedAt}`}
      render={(l) => (
        <>
          <Typography.Text strong>{l.name}</Typography.Text>
          <Line label={t('信用代码', 'USCC')}>{l.uscc}</Line>
          <Line label={t('原因', 'Reason')}>{l.reason}</Line>
          <Line label={t('列入', 'Listed')}>
            {formatDate(l.listedAt, lang)}{l.until ? ` – ${formatDate(l.until, lang)}` : ''}{l.regionName ? ` · ${l.regionName}` : ''}
          </Line>
        </>
      )}
    />
  );
}

/** A public list as cards rather than a table, so that it reads on a phone without scrolling sideways. */
function PublicList<T>({ title, path, empty, itemKey, render }: {
  title: string; path: string; empty: string; itemKey: (item: T) => string; render: (item: T) => ReactNode;
}) {
  const list = usePublicList<T>(path);
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: '4px 0' }}>{title}</Typography.Title>
      {list.status === 'loading' && <Skeleton active />}
      {list.status === 'failed' && <Alert type="error" showIcon title={list.message} data-testid="public-list-failed" />}
      {list.status === 'loaded' && list.items.length === 0 && (
        <Card><Empty data-testid="public-list-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /></Card>
      )}
      {list.status === 'loaded' && list.items.map((item) => (
        <Card key={itemKey(item)} size="small" data-testid="public-list-item">
          <Flex vertical gap={2} style={{ overflowWrap: 'anywhere' }}>{render(item)}</Flex>
        </Card>
      ))}
    </Flex>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  return (
    <div>
      <Typography.Text type="secondary">{label}{t('：', ': ')}</Typography.Text>
      <Typography.Text>{children}</Typography.Text>
    </div>
  );
}
