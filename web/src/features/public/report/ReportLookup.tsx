import { Alert, Card, Descriptions, Flex, Input, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../../http';
import { useLang, useT } from '../../../i18n';
import { formatTime } from '../format-time';
import { reportCategoryOf, reportStatusOf, type ReportCategory, type ReportStatus } from './report-categories';

interface ReportView {
  trackingNumber: string;
  code: string;
  category: ReportCategory;
  status: ReportStatus;
  createdAt: string;
  answer?: string;
}

type Looked = { number: string; report: ReportView } | { number: string; missing: true } | { number: string; error: string };

/** Looks a report up by its tracking number; the number sits in the address so the page can be bookmarked. */
export function ReportLookup() {
  const t = useT();
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const number = params.get('number')?.trim() ?? '';
  const [looked, setLooked] = useState<Looked>();

  useEffect(() => {
    if (!number) return;
    api<ReportView>(`/api/v1/reports/${encodeURIComponent(number)}`)
      .then((report) => setLooked({ number, report }))
      .catch((error: unknown) => setLooked(error instanceof ApiError && error.status === 404
        ? { number, missing: true }
        : { number, error: error instanceof Error ? error.message : String(error) }));
  }, [number]);

  const current = looked?.number === number ? looked : undefined;
  return (
    <Flex vertical gap={12}>
      <Card title={t('举报处理进度查询', 'Track a report')}>
        <Input.Search
          size="large"
          defaultValue={number}
          placeholder={t('输入查询编号', 'Enter the tracking number')}
          enterButton={t('查询', 'Look up')}
          loading={!!number && !current}
          data-testid="report-lookup"
          onSearch={(value) => { if (value.trim()) setParams({ number: value.trim() }); }}
        />
      </Card>
      {current && 'missing' in current && (
        <Alert data-testid="report-missing" type="warning" showIcon title={t('未找到该查询编号，请核对后重试', 'No report has this tracking number')} />
      )}
      {current && 'error' in current && <Alert type="error" showIcon title={current.error} />}
      {current && 'report' in current && (
        <Card data-testid="report-found">
          <Descriptions
            column={1}
            size="small"
            styles={{ label: { width: 96 }, content: { overflowWrap: 'anywhere' } }}
            items={[
              { key: 'number', label: t('查询编号', 'Tracking number'), children: current.report.trackingNumber },
              { key: 'status', label: t('处理状态', 'Status'), children: (
                <Tag data-testid="report-status" data-status={current.report.status} color={reportStatusOf(current.report.status).color}>
                  {t(reportStatusOf(current.report.status).label)}
                </Tag>
              ) },
              { key: 'code', label: t('追溯码', 'Trace code'), children: <span data-testid="report-code-found">{current.report.code}</span> },
              { key: 'category', label: t('问题类别', 'Category'), children: t(reportCategoryOf(current.report.category)) },
              { key: 'created', label: t('提交时间', 'Sent'), children: formatTime(current.report.createdAt, lang) },
              ...(current.report.answer ? [{ key: 'answer', label: t('处理答复', 'Answer'), children: <Typography.Text>{current.report.answer}</Typography.Text> }] : []),
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
