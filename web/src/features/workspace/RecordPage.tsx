import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useT } from '../../i18n';
import type { RecordResult, SectorProfile } from '../sectors/profile';
import { StageForm } from '../sectors/StageForm';
import { StagePicker, type StageChoice } from '../sectors/StagePicker';
import { useEnterprise } from './enterprise';
import { ProblemAlert } from './ProblemAlert';
import { useApi } from './use-api';

/** What a stored record became, with links to trace each of its units. */
export function RecordOutcome({ result }: { result: RecordResult }) {
  const t = useT();
  return (
    <>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('记录编号', 'Record id')}><code data-testid="record-id">{result.recordId}</code></Descriptions.Item>
        <Descriptions.Item label={t('事件标识', 'Event id')}><code>{result.eventId}</code></Descriptions.Item>
        <Descriptions.Item label={t('追溯单元', 'Units')}>
          {result.units.map((unit) => (
            <div key={unit}>
              <code>{unit}</code> <Link to={`/app/trace?id=${encodeURIComponent(unit)}`}>{t('追溯此批次', 'Trace this unit')}</Link>
            </div>
          ))}
        </Descriptions.Item>
      </Descriptions>
      {!result.created && <Alert style={{ marginTop: 12 }} type="info" title={t('相同的记录此前已保存，未重复存储', 'The same record was stored before; it was not stored twice')} />}
      {result.alerts.map((alert) => (
        <Alert key={alert.rule} style={{ marginTop: 12 }} type="warning" showIcon title={alert.rule} description={alert.message} />
      ))}
    </>
  );
}

export function RecordPage() {
  const t = useT();
  const { ownSectors, party, products } = useEnterprise();
  const [params, setParams] = useSearchParams();
  const choice: StageChoice = { sector: params.get('sector') ?? ownSectors[0]?.id, stage: params.get('stage') ?? undefined };
  const profile = useApi<SectorProfile>(choice.sector ? `/api/v1/sectors/${encodeURIComponent(choice.sector)}` : null);
  const stage = profile.data?.id === choice.sector ? profile.data?.stages.find((s) => s.id === choice.stage) : undefined;
  const [result, setResult] = useState<RecordResult>();

  function choose(next: StageChoice) {
    setResult(undefined);
    const query = new URLSearchParams();
    if (next.sector) query.set('sector', next.sector);
    if (next.stage) query.set('stage', next.stage);
    setParams(query, { replace: true });
  }

  return (
    <>
      <Typography.Title level={3}>{t('录入环节', 'Record a stage')}</Typography.Title>
      <StagePicker sectors={ownSectors} value={choice} onChange={choose} />
      <ProblemAlert error={profile.error} />
      {result ? (
        <Card>
          <Result status="success" title={t('记录已保存', 'Record stored')} extra={<Button type="primary" onClick={() => setResult(undefined)}>{t('再录一条', 'Record another')}</Button>} />
          <RecordOutcome result={result} />
        </Card>
      ) : !choice.stage ? (
        <Alert type="info" showIcon title={t('请选择行业和环节，表单按该环节的行业追溯规范生成', 'Choose a sector and a stage; the form follows its sector profile')} />
      ) : profile.loading || !party ? (
        <Skeleton active />
      ) : profile.data && stage ? (
        <StageForm profile={profile.data} stage={stage} party={party.uscc} products={products} onRecorded={(r) => setResult(r)} />
      ) : null}
    </>
  );
}
