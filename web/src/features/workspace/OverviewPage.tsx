import { Link } from 'react-router-dom';
import { Card, Col, Descriptions, Row, Skeleton, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { useEnterprise } from './enterprise';
import { PAGES } from './pages';

const BLURBS: Record<string, { zh: string; en: string }> = {
  products: { zh: '登记产品，查看生产经营地点', en: 'Register products; see your sites' },
  record: { zh: '按行业规范录入一个环节的记录', en: 'Record one stage as the sector profile asks' },
  codes: { zh: '申领追溯码，打印标签', en: 'Issue trace codes and print labels' },
  import: { zh: '按模板批量导入 CSV 或 XLSX', en: 'Import a filled-in CSV or XLSX template' },
  incoming: { zh: '确认上游发来的货物', en: 'Confirm goods shipped to you' },
  trace: { zh: '查一个批次或追溯码的来龙去脉', en: 'Trace a lot or code backward and forward' },
};

export function OverviewPage() {
  const t = useT();
  const { party, sectors, user, products } = useEnterprise();
  const sectorName = (id: string) => {
    const found = sectors.find((s) => s.id === id);
    return found ? t(found.name) : id;
  };
  return (
    <>
      <Typography.Title level={3}>{t('概览', 'Overview')}</Typography.Title>
      <Card style={{ marginBottom: 24 }}>
        {party ? (
          <Descriptions column={{ xs: 1, md: 2 }} title={party.name}>
            <Descriptions.Item label={t('统一社会信用代码', 'USCC')}>{party.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('行政区划', 'Region')}>{party.region}</Descriptions.Item>
            <Descriptions.Item label={t('登记地点', 'Registered site')}><code>{party.site}</code></Descriptions.Item>
            <Descriptions.Item label={t('行业', 'Sectors')}>{party.sectors.map((s) => <Tag key={s}>{sectorName(s)}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label={t('已登记产品', 'Products')}>{products.length}</Descriptions.Item>
            <Descriptions.Item label={t('当前用户', 'Signed in as')}>{user.displayName}（{user.username}）</Descriptions.Item>
          </Descriptions>
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        {PAGES.filter((p) => p.path !== 'overview').map((p) => {
          const blurb = BLURBS[p.path];
          return (
            <Col xs={24} sm={12} lg={8} key={p.path}>
              <Link to={`/app/${p.path}`}>
                <Card hoverable>
                  <Card.Meta avatar={<span style={{ fontSize: 24 }}>{p.icon}</span>} title={t(p.zh, p.en)} description={blurb ? t(blurb) : undefined} />
                </Card>
              </Link>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
