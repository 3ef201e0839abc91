import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { LangProvider, useLang } from './i18n';
import { SessionProvider } from './session';

// Each part loads on its own, so that a consumer's phone opening /t/{code} never downloads the workspace or ECharts.
const PublicSite = lazy(() => import('./features/public/PublicSite'));
const LoginPage = lazy(() => import('./features/login/LoginPage'));
const Workspace = lazy(() => import('./features/workspace/Workspace'));

function Themed() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Suspense fallback={<Spin style={{ display: 'block', margin: '30vh auto' }} />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/app/*" element={<Workspace />} />
                <Route path="/*" element={<PublicSite />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LangProvider>
      <Themed />
    </LangProvider>
  );
}
