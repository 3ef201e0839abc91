import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Result, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../../http';
import { useT } from '../../../i18n';
import { LinkButton } from '../LinkButton';
import { REPORT_CATEGORIES, type ReportCategory } from './report-categories';

const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

interface ReportFields {
  code: string;
  category: ReportCategory;
  description: string;
  contact?: string;
}

interface Filed {
  trackingNumber: string;
  status: string;
  createdAt: string;
}

function readDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

/** 投诉举报: a consumer reports a product by its code, without an account; the tracking number is the only receipt. */
export function ReportForm({ code, category }: { code: string; category?: ReportCategory }) {
  const t = useT();
  const { message } = App.useApp();
  const [photo, setPhoto] = useState<{ name: string; dataUrl: string }>();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [filed, setFiled] = useState<Filed>();

  if (filed) return <Filed filed={filed} />;

  async function send(fields: ReportFields) {
    setSending(true);
    setFailure(undefined);
    try {
      const contact = fields.contact?.trim();
      setFiled(await api<Filed>('/api/v1/reports', {
        json: { ...fields, code: fields.code.trim(), ...(contact ? { contact } : {}), ...(photo ? { photo: photo.dataUrl } : {}) },
      }));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <Card title={t('投诉举报', 'Report a product')}>
      <Form<ReportFields> layout="vertical" initialValues={{ code, category }} onFinish={send} disabled={sending} data-testid="report-form">
        <Form.Item name="code" label={t('追溯码', 'Trace code')} rules={[{ required: true, whitespace: true, message: t('请填写追溯码', 'Enter the trace code') }]}>
          <Input data-testid="report-code" />
        </Form.Item>
        <Form.Item name="category" label={t('问题类别', 'Category')} rules={[{ required: true, message: t('请选择问题类别', 'Choose a category') }]}>
          <Select
            data-testid="report-category"
            placeholder={t('请选择', 'Choose')}
            options={REPORT_CATEGORIES.map((c) => ({ value: c.value, label: t(c.label) }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('问题描述', 'What is wrong')} rules={[{ required: true, whitespace: true, message: t('请描述问题', 'Describe the problem') }]}>
          <Input.TextArea data-testid="report-description" rows={4} maxLength={2000} showCount
            placeholder={t('购买时间、地点、发现的问题等', 'Where and when you bought it, what you found')} />
        </Form.Item>
        <Form.Item label={t('照片（可选，不超过 2 MB）', 'Photo (optional, up to 2 MB)')}>
          <Upload
            accept="image/jpeg,image/png,image/webp"
            listType="picture-card"
            maxCount={1}
            fileList={photo ? [{ uid: 'photo', name: photo.name, status: 'done', url: photo.dataUrl, thumbUrl: photo.dataUrl }] : []}
            onRemove={() => setPhoto(undefined)}
            beforeUpload={(file) => {
              if (file.size > MAX_PHOTO_BYTES) {
                message.error(t('照片超过 2 MB，请压缩后再上传', 'The photo is larger than 2 MB; please make it smaller'));
                return Upload.LIST_IGNORE;
              }
              readDataUrl(file).then((dataUrl) => setPhoto({ name: file.name, dataUrl }), () => message.error(t('无法读取照片', 'The photo cannot be read')));
              // Sent inside the report's JSON, never uploaded on its own.
              return false;
            }}
          >
            {!photo && <div><PlusOutlined /><div style={{ marginTop: 4 }}>{t('上传', 'Add')}</div></div>}
          </Upload>
        </Form.Item>
        <Form.Item name="contact" label={t('联系方式（可选）', 'Contact (optional)')}>
          <Input data-testid="report-contact" maxLength={100} placeholder={t('电话或邮箱，便于回访', 'Phone or e-mail, for a reply')} />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="report-failure" />}
        <Button type="primary" htmlType="submit" size="large" block loading={sending} data-testid="report-submit">
          {t('提交举报', 'Send report')}
        </Button>
      </Form>
    </Card>
  );
}

function Filed({ filed }: { filed: Filed }) {
  const t = useT();
  return (
    <Result
      status="success"
      title={t('举报已提交', 'Report received')}
      style={{ background: '#fff', borderRadius: 8, padding: '24px 12px' }}
      subTitle={t('请保存查询编号，可在 /report 查询处理进度', 'Keep this tracking number; follow the report at /report')}
      extra={
        <>
          <Typography.Paragraph copyable={{ text: filed.trackingNumber }} style={{ fontSize: 22, fontWeight: 600, whiteSpace: 'nowrap' }}>
            <span data-testid="report-tracking-number">{filed.trackingNumber}</span>
          </Typography.Paragraph>
          <LinkButton to={`/report?${new URLSearchParams({ number: filed.trackingNumber })}`}>{t('查询处理进度', 'Follow this report')}</LinkButton>
        </>
      }
    />
  );
}
