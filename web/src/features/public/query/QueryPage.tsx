import { WarningFilled } from '@ant-design/icons';
import { Alert, Flex, Result, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { ApiError, api } from '../../../http';
import { useT } from '../../../i18n';
import type { QueryAnswer } from './query-answer';
import { QueryDetails } from './QueryDetails';
import { LinkButton } from '../LinkButton';
import { ReportButton } from '../report/ReportButton';
import { ScanNotice } from './ScanNotice';

type Loaded = { path: string; answer: QueryAnswer } | { path: string; error: ApiError | Error };

/**
 * The page a label's QR code opens (/t/{code} or a GS1 Digital Link path). It asks the same path for JSON, because
 * the server answers that path for browsers and machines alike.
 */
export function QueryPage() {
  const { pathname } = useLocation();
  const [loaded, setLoaded] = useState<Loaded>();
  // Every answer counts as a scan on the server, so a page view must ask once, also when StrictMode runs effects twice.
  const asked = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (asked.current === pathname) return;
    asked.current = pathname;
    api<QueryAnswer>(pathname, { headers: { accept: 'application/json' } })
      .then((answer) => setLoaded({ path: pathname, answer }))
      .catch((error: unknown) => setLoaded({ path: pathname, error: error instanceof Error ? error : new Error(String(error)) }));
  }, [pathname]);

  const productName = loaded && 'answer' in loaded ? loaded.answer.product?.name : undefined;
  // A page shared in a chat or kept as a bookmark is named after the product.
  useEffect(() => {
    if (!productName) return;
    const before = document.title;
    document.title = `${productName} · 追溯 Zhuisu`;
    return () => { document.title = before; };
  }, [productName]);

  if (!loaded || loaded.path !== pathname) return <Skeleton active paragraph={{ rows: 8 }} style={{ padding: 16 }} />;
  if ('error' in loaded) return <QueryFailed error={loaded.error} query={decodeURIComponent(pathname.replace(/^\/t\//, ''))} />;
  const { answer } = loaded;
  if (!answer.registered) return <UnknownCode answer={answer} />;
  return <QueryDetails answer={answer} />;
}

function UnknownCode({ answer }: { answer: QueryAnswer }) {
  const t = useT();
  return (
    <Flex vertical gap={12}>
      <Result
        data-testid="query-unknown"
        status="error"
        icon={<WarningFilled style={{ color: '#cf1322' }} />}
        title={t('该追溯码未在平台登记，可能为假冒产品', 'This code is not registered; the product may be counterfeit')}
        subTitle={<Typography.Text code style={{ overflowWrap: 'anywhere' }}>{answer.codeDisplay ?? answer.query}</Typography.Text>}
        extra={<ReportButton code={answer.codeDisplay ?? answer.query} category="counterfeit" />}
        style={{ background: '#fff', borderRadius: 8, padding: '24px 12px' }}
      />
      {answer.warnings.map((w, i) => (
        <Alert key={i} data-testid="query-warning" type="error" showIcon title={t(w.title)} description={w.detail} />
      ))}
      <ScanNotice scans={answer.scans} />
    </Flex>
  );
}

/** A code the server refused to read (a typo, a wrong check character) is as suspect on a pack as an unknown one. */
function QueryFailed({ error, query }: { error: Error; query: string }) {
  const t = useT();
  const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
  return (
    <Result
      data-testid={refused ? 'query-unknown' : 'query-error'}
      status={refused ? 'warning' : '500'}
      title={refused ? t('无法识别该追溯码', 'This trace code cannot be read') : t('查询暂时失败，请稍后再试', 'The query failed; please try again later')}
      subTitle={error.message}
      extra={refused ? <ReportButton code={query} category="counterfeit" /> : <LinkButton to="/">{t('返回首页', 'Home')}</LinkButton>}
      style={{ background: '#fff', borderRadius: 8, padding: '24px 12px' }}
    />
  );
}
