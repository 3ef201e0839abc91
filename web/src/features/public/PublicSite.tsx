import { Flex, Layout, Result, Segmented, Typography } from 'antd';
import { Link, Route, Routes } from 'react-router-dom';
import { useLang, useT, type Lang } from '../../i18n';
import { HomePage } from './HomePage';
import { LinkButton } from './LinkButton';
import { BlacklistPage, ConsumerAlertsPage, RecallsPage } from './lists/PublicLists';
import { QueryPage } from './query/QueryPage';
import { ReportPage } from './report/ReportPage';

/** The part anyone may open without signing in: the code query a QR label leads to, reports and the public lists. */
export default function PublicSite() {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <PublicHeader />
      <Layout.Content style={{ width: '100%', maxWidth: 720, margin: '0 auto', padding: '12px 12px 32px', boxSizing: 'border-box' }}>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="t/:code" element={<QueryPage />} />
          <Route path="01/:gtin/10/:lot" element={<QueryPage />} />
          <Route path="01/:gtin/21/:serial" element={<QueryPage />} />
          <Route path="01/:gtin" element={<QueryPage />} />
          <Route path="report" element={<ReportPage />} />
          <Route path="recalls" element={<RecallsPage />} />
          <Route path="consumer-alerts" element={<ConsumerAlertsPage />} />
          <Route path="blacklist" element={<BlacklistPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}

function PublicHeader() {
  const t = useT();
  const { lang, setLang } = useLang();
  return (
    <Layout.Header style={{ background: '#fff', padding: '0 12px', height: 52, lineHeight: '52px', borderBottom: '1px solid #f0f0f0' }}>
      <Flex align="center" justify="space-between" gap={8} style={{ maxWidth: 720, margin: '0 auto', height: '100%' }}>
        <Link to="/" data-testid="public-home-link" style={{ color: 'inherit', whiteSpace: 'nowrap' }}>
          <Typography.Text strong style={{ fontSize: 18 }}>追溯</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 6 }}>Zhuisu</Typography.Text>
        </Link>
        <Flex align="center" gap={8}>
          <Segmented<Lang>
            size="small"
            value={lang}
            onChange={setLang}
            options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]}
            data-testid="lang-switch"
          />
          <Link to="/login" style={{ whiteSpace: 'nowrap' }}>{t('登录', 'Sign in')}</Link>
        </Flex>
      </Flex>
    </Layout.Header>
  );
}

function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('页面不存在', 'Page not found')}
      extra={<LinkButton to="/" type="primary">{t('返回首页', 'Home')}</LinkButton>}
    />
  );
}
