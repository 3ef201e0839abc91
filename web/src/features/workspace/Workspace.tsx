import { useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Button, Layout, Menu, Segmented, Space, Spin, Tag, Typography, theme } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useLang, useT } from '../../i18n';
import { useSession } from '../../session';
import { EnterpriseProvider, useEnterprise } from './enterprise';
import { PAGES, ROLE_NAMES } from './pages';
import { OverviewPage } from './OverviewPage';
import { ProductsPage } from './ProductsPage';
import { RecordPage } from './RecordPage';
import { CodesPage } from './CodesPage';
import { ImportPage } from './ImportPage';
import { IncomingPage } from './IncomingPage';
import { TracePage } from './TracePage';

function Shell() {
  const t = useT();
  const { lang, setLang } = useLang();
  const { logout } = useSession();
  const { user, party } = useEnterprise();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const current = location.pathname.replace(/^\/app\/?/, '').split('/')[0] || 'overview';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" theme="light" width={208}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? '追溯' : t('追溯 · 企业工作台', 'Zhuisu workspace')}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[current]}
          items={PAGES.map((p) => ({ key: p.path, icon: p.icon, label: t(p.zh, p.en) }))}
          onClick={({ key }) => navigate(`/app/${key}`)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography.Text strong ellipsis style={{ maxWidth: '50%' }}>{party?.name ?? user.enterprise ?? ''}</Typography.Text>
          <Space size="middle">
            <span data-testid="user-name">{user.displayName}</span>
            <Tag color="blue">{t(ROLE_NAMES[user.role])}</Tag>
            <Segmented size="small" value={lang} onChange={(v) => setLang(v === 'en' ? 'en' : 'zh')} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'EN' }]} />
            <Button icon={<LogoutOutlined />} onClick={() => { void logout().then(() => navigate('/login')); }}>{t('退出', 'Sign out')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Routes>
            <Route index element={<Navigate to="overview" replace />} />
            <Route path="overview" element={<OverviewPage />} />
            <Route path="products" element={<ProductsPage />} />
            <Route path="record" element={<RecordPage />} />
            <Route path="codes" element={<CodesPage />} />
            <Route path="import" element={<ImportPage />} />
            <Route path="incoming" element={<IncomingPage />} />
            <Route path="trace" element={<TracePage />} />
            <Route path="*" element={<Navigate to="overview" replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** 企业工作台: what an enterprise's people do on the platform, behind sign-in. */
export default function Workspace() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <EnterpriseProvider user={user}>
      <Shell />
    </EnterpriseProvider>
  );
}
