import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useLang, useT } from '../../../i18n';
import { formatDate } from '../format-time';
import type { Credential, QueryAnswer } from './query-answer';
import { ReportButton } from '../report/ReportButton';
import { ScanNotice } from './ScanNotice';
import { StageTimeline } from './StageTimeline';

/** A registered unit: what it is, who made it where, warnings first, then its stages and its certificates. */
export function QueryDetails({ answer }: { answer: QueryAnswer }) {
  const t = useT();
  const { lang } = useLang();
  const { product, producer, origin } = answer;
  const facts = [
    producer && { key: 'producer', label: t('生产者', 'Producer'), children: producer.name },
    producer && { key: 'uscc', label: t('信用代码', 'USCC'), children: producer.uscc },
    origin && { key: 'origin', label: t('产地', 'Origin'), children: origin.regionName },
    product?.gtin && { key: 'gtin', label: 'GTIN', children: product.gtin },
    answer.codeDisplay
      ? { key: 'code', label: t('追溯码', 'Trace code'), children: answer.codeDisplay }
      : { key: 'code', label: t('查询标识', 'Identifier'), children: answer.query },
  ].filter((item) => !!item);

  return (
    <Flex vertical gap={12}>
      {answer.warnings.map((w, i) => (
        <Alert
          key={i}
          data-testid="query-warning"
          data-kind={w.kind}
          type="error"
          showIcon
          title={t(w.title)}
          description={`${w.detail}（${t('自', 'since')} ${formatDate(w.since, lang)}）`}
        />
      ))}
      <Card data-testid="query-product">
        <Flex vertical gap={4}>
          {product?.sectorName && <div><Tag color="blue">{t(product.sectorName)}</Tag></div>}
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="query-product-name">
            {product?.name ?? t('产品名称未登记', 'Product name not on record')}
          </Typography.Title>
          <Descriptions
            column={1}
            size="small"
            items={facts}
            style={{ marginTop: 8 }}
            styles={{ label: { width: 96, flex: 'none' }, content: { overflowWrap: 'anywhere' } }}
          />
        </Flex>
      </Card>
      <ScanNotice scans={answer.scans} />
      <Card title={t('追溯环节', 'Stages')} size="small">
        <StageTimeline stages={answer.stages} />
      </Card>
      {(answer.certificates.length > 0 || answer.marks.length > 0) && (
        <Card title={t('检验检疫与认证', 'Inspection and certification')} size="small" data-testid="query-credentials">
          <CredentialList items={answer.certificates} />
          <CredentialList items={answer.marks} color="green" />
        </Card>
      )}
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('发现产品问题？', 'Something wrong with this product?')}</Typography.Text>
          <ReportButton code={answer.codeDisplay ?? answer.query} />
        </Flex>
      </Card>
    </Flex>
  );
}

/** Each certificate once: several stages of a unit may cite the same one (an entry certificate at port and at receipt). */
function distinct(items: Credential[]): Credential[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.name.zh}\u0000${item.number ?? item.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function CredentialList({ items, color }: { items: Credential[]; color?: string }) {
  const t = useT();
  return distinct(items).map((item, i) => (
    <Flex key={i} gap={8} align="baseline" wrap style={{ padding: '4px 0' }} data-testid="query-credential">
      <SafetyCertificateOutlined style={{ color: color === 'green' ? '#389e0d' : '#1677ff' }} />
      <Typography.Text>{t(item.name)}</Typography.Text>
      <Typography.Text type="secondary" copyable style={{ overflowWrap: 'anywhere' }}>{item.number ?? item.value}</Typography.Text>
    </Flex>
  ));
}
