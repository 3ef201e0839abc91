import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ApiError } from '../../http';
import { useLang, useT, type Lang } from '../../i18n';
import { useSession } from '../../session';

interface Credentials {
  username: string;
  password: string;
}

/** Sign-in for enterprises, regulators, inspection bodies and administrators; the public needs no account. */
export default function LoginPage() {
  const t = useT();
  const { lang, setLang } = useLang();
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();

  if (user) return <Navigate to="/app" replace />;

  async function signIn({ username, password }: Credentials) {
    setSending(true);
    setFailure(undefined);
    try {
      await login(username.trim(), password);
      navigate('/app', { replace: true });
    } catch (error) {
      // The problem's detail names the cause: a wrong password, or how long to wait after too many attempts.
      setFailure(error instanceof ApiError ? (error.problem.detail ?? error.problem.title ?? error.message) : t('无法连接平台，请稍后再试', 'The platform cannot be reached; try again later'));
      setSending(false);
    }
  }

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa', boxSizing: 'border-box' }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Link to="/" style={{ color: 'inherit' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>追溯 <Typography.Text type="secondary">Zhuisu</Typography.Text></Typography.Title>
          </Link>
          <Segmented<Lang> size="small" value={lang} onChange={setLang} options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} />
        </Flex>
        <Typography.Paragraph type="secondary">{t('企业、监管部门与检验机构登录', 'Sign in for enterprises, regulators and inspection bodies')}</Typography.Paragraph>
        <Form<Credentials> layout="vertical" onFinish={signIn} disabled={sending} requiredMark={false} data-testid="login-form">
          <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true, whitespace: true, message: t('请输入用户名', 'Enter your username') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('密码', 'Password')} rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="login-failure" />}
          <Button type="primary" htmlType="submit" block size="large" loading={sending} data-testid="login-submit">
            {t('登录', 'Sign in')}
          </Button>
        </Form>
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Link to="/">{t('返回追溯查询', 'Back to the trace query')}</Link>
        </Flex>
      </Card>
    </Flex>
  );
}
