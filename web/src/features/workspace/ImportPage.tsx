import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../http';
import { useLang, useT } from '../../i18n';
import { StagePicker, type StageChoice } from '../sectors/StagePicker';
import { useEnterprise } from './enterprise';
import { ProblemAlert, inLang, problemIssues, type FieldIssue } from './ProblemAlert';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportResult {
  captureId: string;
  rows: number;
  stored: number;
  skipped: number;
  alerts: Array<{ row: number; rule: string; message: string }>;
  moreAlerts?: number;
}

/** The import route takes the file itself as the body, its kind told by Content-Type. */
function contentType(file: File): string {
  return /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';
}

function ImportSummary({ count, more }: { count: number; more: unknown }) {
  const t = useT();
  const total = count + (typeof more === 'number' ? more : 0);
  return <>{t(`文件有 ${total} 处错误，未导入任何记录；请逐行修正后重新导入`, `The file has ${total} problems; nothing was imported. Fix them row by row and import again`)}</>;
}

function importSummary(count: number, more: unknown) {
  return <ImportSummary count={count} more={more} />;
}

export function ImportPage() {
  const t = useT();
  const { lang } = useLang();
  const { ownSectors } = useEnterprise();
  const [params, setParams] = useSearchParams();
  const choice: StageChoice = { sector: params.get('sector') ?? ownSectors[0]?.id, stage: params.get('stage') ?? undefined };
  const [file, setFile] = useState<File>();
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<ApiError>();
  const rowIssues: FieldIssue[] = error ? problemIssues(error) : [];

  function choose(next: StageChoice) {
    const query = new URLSearchParams();
    if (next.sector) query.set('sector', next.sector);
    if (next.stage) query.set('stage', next.stage);
    setParams(query, { replace: true });
    setResult(undefined);
    setError(undefined);
  }

  async function send() {
    if (!file || !choice.sector || !choice.stage) return;
    setSending(true);
    setResult(undefined);
    setError(undefined);
    try {
      const query = new URLSearchParams({ sector: choice.sector, stage: choice.stage });
      setResult(await api<ImportResult>(`/api/v1/records/import?${query}`, { method: 'POST', body: file, headers: { 'content-type': contentType(file) } }));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { detail: String(err) }));
    } finally {
      setSending(false);
    }
  }

  const template = choice.sector && choice.stage
    ? `/api/v1/sectors/${encodeURIComponent(choice.sector)}/stages/${encodeURIComponent(choice.stage)}/template`
    : undefined;

  return (
    <>
      <Typography.Title level={3}>{t('批量导入', 'Import')}</Typography.Title>
      <Card style={{ marginBottom: 24 }}>
        <StagePicker sectors={ownSectors} value={choice} onChange={choose} />
        {template && (
          <Space style={{ display: 'flex', marginBottom: 16 }}>
            {t('下载模板：', 'Templates:')}
            <a href={`${template}.xlsx`} download><DownloadOutlined /> XLSX</a>
            <a href={`${template}.csv`} download><DownloadOutlined /> CSV</a>
          </Space>
        )}
        <Space align="start">
          <Upload
            accept=".csv,.xlsx,text/csv"
            maxCount={1}
            beforeUpload={(f) => { setFile(f); setResult(undefined); setError(undefined); return false; }}
            onRemove={() => setFile(undefined)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{t('选择填好的 CSV 或 XLSX 文件', 'Choose the filled-in CSV or XLSX')}</Button>
          </Upload>
          <Button type="primary" disabled={!file || !template} loading={sending} onClick={() => void send()}>{t('导入', 'Import')}</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('整份文件全部导入或全部不导入：有任何一行出错时不会保存任何记录，并逐行列出错误。', 'All or nothing: if any row is wrong, nothing is stored and every problem is listed by row.')}
        </Typography.Paragraph>
      </Card>
      {result && (
        <Card title={t('导入成功', 'Imported')}>
          <Descriptions column={{ xs: 1, md: 4 }} bordered size="small">
            <Descriptions.Item label={t('读取行数', 'Rows read')}>{result.rows}</Descriptions.Item>
            <Descriptions.Item label={t('新保存', 'Stored')}>{result.stored}</Descriptions.Item>
            <Descriptions.Item label={t('此前已保存', 'Already stored')}>{result.skipped}</Descriptions.Item>
            <Descriptions.Item label={t('采集任务', 'Capture job')}><code>{result.captureId}</code></Descriptions.Item>
          </Descriptions>
          {result.alerts.map((a, i) => (
            <Alert key={i} style={{ marginTop: 12 }} type="warning" showIcon title={t(`第${a.row}行：${a.rule}`, `Row ${a.row}: ${a.rule}`)} description={a.message} />
          ))}
          {result.moreAlerts ? <Typography.Paragraph>{t(`另有 ${result.moreAlerts} 条预警`, `${result.moreAlerts} more alerts`)}</Typography.Paragraph> : null}
        </Card>
      )}
      {error && (
        <Card title={t('未导入任何记录', 'Nothing was imported')}>
          {rowIssues.length > 0 ? (
            <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={importSummary(rowIssues.length, error.problem.more)} />
          ) : (
            <ProblemAlert error={error} withList={false} />
          )}
          {rowIssues.length > 0 && (
            <Table<FieldIssue & { key: number }>
              size="small"
              dataSource={rowIssues.map((issue, key) => ({ ...issue, key }))}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: t('行', 'Row'), dataIndex: 'row', width: 80 },
                { title: t('列', 'Column'), dataIndex: 'column', render: (v?: string, issue?: FieldIssue) => v ?? issue?.field ?? '' },
                { title: t('问题', 'Problem'), dataIndex: 'reason', render: (v: string) => inLang(v, lang) },
              ]}
            />
          )}
        </Card>
      )}
    </>
  );
}
