import { useState } from 'react';
import { Alert, Button, Card, Modal, Skeleton, Table, Tag, Typography } from 'antd';
import type { Text } from '../../i18n';
import { useT } from '../../i18n';
import type { RecordResult, SectorProfile } from '../sectors/profile';
import type { StageFormValues } from '../sectors/record-body';
import { StageForm } from '../sectors/StageForm';
import { useEnterprise } from './enterprise';
import { ProblemAlert } from './ProblemAlert';
import { RecordOutcome } from './RecordPage';
import { useApi } from './use-api';

interface Shipment {
  eventId: string;
  time: string;
  sector?: string;
  stage?: string;
  stageName?: Text;
  from: { uscc: string; name: string };
  product?: string;
  lots: Array<{ lot: string; quantity?: number; uom?: string }>;
  items: string[];
  received: boolean;
  receiveStage?: string;
}

/** The receiving record, prefilled from what the sender shipped. */
function prefill(shipment: Shipment): Omit<StageFormValues, 'time'> {
  const lot = shipment.lots[0];
  return {
    counterpart: shipment.from.uscc,
    ...(shipment.product ? { product: shipment.product } : {}),
    ...(lot ? { lot: lot.lot } : {}),
    ...(lot?.quantity !== undefined ? { quantity: lot.quantity } : {}),
    ...(lot?.uom ? { unit: lot.uom } : {}),
    ...(shipment.items.length > 0 ? { codes: shipment.items.join('\n') } : {}),
  };
}

function ReceiveModal({ shipment, sector, onClose, onReceived }: { shipment: Shipment; sector: string; onClose: () => void; onReceived: () => void }) {
  const t = useT();
  const { party, products } = useEnterprise();
  const profile = useApi<SectorProfile>(`/api/v1/sectors/${encodeURIComponent(sector)}`);
  const stage = profile.data?.stages.find((s) => s.id === shipment.receiveStage);
  const [result, setResult] = useState<RecordResult>();
  return (
    <Modal open width={960} title={`${t('确认收货', 'Confirm receipt')} · ${shipment.from.name}`} onCancel={onClose} footer={null} destroyOnHidden>
      <ProblemAlert error={profile.error} />
      {shipment.lots.length > 1 && (
        <Alert style={{ marginBottom: 12 }} type="info" showIcon title={t(`本次发货有 ${shipment.lots.length} 个批次，每个批次收货记录一次`, `This shipment has ${shipment.lots.length} lots; record the receipt of each`)} />
      )}
      {result ? (
        <RecordOutcome result={result} />
      ) : profile.data && stage && party ? (
        <StageForm profile={profile.data} stage={stage} party={party.uscc} products={products} initial={prefill(shipment)} onRecorded={(r) => { setResult(r); onReceived(); }} />
      ) : profile.data ? (
        <Alert type="warning" title={t('该行业没有收货环节', 'This sector has no receiving stage')} />
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}

export function IncomingPage() {
  const t = useT();
  const incoming = useApi<{ items: Shipment[] }>('/api/v1/shipments/incoming');
  const [receiving, setReceiving] = useState<Shipment>();
  return (
    <>
      <Typography.Title level={3}>{t('待收货', 'Incoming shipments')}</Typography.Title>
      <ProblemAlert error={incoming.error} />
      <Card>
        <Table<Shipment>
          rowKey="eventId"
          loading={incoming.loading}
          dataSource={incoming.data?.items ?? []}
          columns={[
            { title: t('发货时间', 'Shipped'), dataIndex: 'time', render: (v: string) => new Date(v).toLocaleString() },
            { title: t('发货方', 'From'), key: 'from', render: (_: unknown, s) => <>{s.from.name}<br /><code>{s.from.uscc}</code></> },
            { title: t('环节', 'Stage'), key: 'stage', render: (_: unknown, s) => (s.stageName ? t(s.stageName) : '—') },
            { title: t('产品', 'Product'), dataIndex: 'product', render: (v?: string) => v ?? '—' },
            {
              title: t('批次与单品', 'Lots and items'), key: 'units',
              render: (_: unknown, s) => (
                <>
                  {s.lots.map((l) => <div key={l.lot}><code>{l.lot}</code>{l.quantity !== undefined ? ` × ${l.quantity} ${l.uom ?? ''}` : ''}</div>)}
                  {s.items.length > 0 && <div>{t(`${s.items.length} 个单品`, `${s.items.length} items`)}</div>}
                </>
              ),
            },
            {
              title: t('状态', 'Status'), key: 'status',
              render: (_: unknown, s) => (s.received
                ? <Tag color="green">{t('已收货', 'Received')}</Tag>
                : <Button type="primary" size="small" disabled={!s.receiveStage || !s.sector} onClick={() => setReceiving(s)}>{t('确认收货', 'Confirm receipt')}</Button>),
            },
          ]}
        />
      </Card>
      {receiving?.sector && <ReceiveModal shipment={receiving} sector={receiving.sector} onClose={() => setReceiving(undefined)} onReceived={incoming.reload} />}
    </>
  );
}
