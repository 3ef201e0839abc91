import { AlertOutlined, FileSearchOutlined, NotificationOutlined, StopOutlined } from '@ant-design/icons';
import { Card, Flex, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n';
import { canScan, ScanButton } from './ScanButton';

/**
 * Where a typed or scanned input leads: a scanned label gives a whole URL (ours or id.gs1.org), which keeps its
 * /t/ or /01/ path; anything else is taken as a trace code.
 */
export function queryPathOf(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  if (/^https?:\/\//i.test(text)) {
    try {
      const { pathname } = new URL(text);
      if (/^\/(t|01)\//.test(pathname)) return pathname;
    } catch {
      return undefined;
    }
  }
  if (text.startsWith('/t/') || text.startsWith('/01/')) return text;
  return `/t/${encodeURIComponent(text)}`;
}

export function HomePage() {
  const t = useT();
  const navigate = useNavigate();
  const open = (input: string) => {
    const path = queryPathOf(input);
    if (path) navigate(path);
  };
  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{t('重要产品追溯查询', 'Check a product’s trace')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('输入包装上的追溯码，或用手机扫描二维码，查看产品从产地到销售的每一环节。',
            'Enter the trace code on the pack, or scan its QR code, to see every stage from origin to sale.')}
        </Typography.Paragraph>
        <Flex gap={8}>
          <Input.Search
            size="large"
            placeholder={t('输入或扫描追溯码', 'Enter or scan a trace code')}
            enterButton={t('查询', 'Check')}
            allowClear
            data-testid="home-search"
            onSearch={open}
          />
          {canScan() && <ScanButton onScan={open} />}
        </Flex>
      </Card>
      <Flex vertical gap={8}>
        <HomeLink to="/recalls" icon={<AlertOutlined />} title={t('产品召回', 'Product recalls')} />
        <HomeLink to="/consumer-alerts" icon={<NotificationOutlined />} title={t('消费提示', 'Consumer alerts')} />
        <HomeLink to="/blacklist" icon={<StopOutlined />} title={t('失信名单', 'Blacklist')} />
        <HomeLink to="/report" icon={<FileSearchOutlined />} title={t('举报处理进度查询', 'Track a report')} />
      </Flex>
    </Flex>
  );
}

function HomeLink({ to, icon, title }: { to: string; icon: ReactNode; title: string }) {
  return (
    <Link to={to}>
      <Card size="small" hoverable>
        <Flex gap={12} align="center">
          <span style={{ fontSize: 20, color: '#1677ff' }}>{icon}</span>
          <Typography.Text>{title}</Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}
