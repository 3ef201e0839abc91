import { Form, Select, Space } from 'antd';
import { useT } from '../../i18n';
import type { SectorSummary } from './profile';

export interface StageChoice {
  sector?: string;
  stage?: string;
}

/** Chooses a sector among the enterprise's, then one of its stages. */
export function StagePicker({ sectors, value, onChange }: { sectors: SectorSummary[]; value: StageChoice; onChange: (next: StageChoice) => void }) {
  const t = useT();
  const sector = sectors.find((s) => s.id === value.sector);
  return (
    <Space wrap size="large" style={{ marginBottom: 16 }}>
      <Form.Item label={t('行业', 'Sector')} style={{ marginBottom: 0 }}>
        <Select
          id="pick-sector"
          style={{ width: 200 }}
          value={value.sector}
          onChange={(id: string) => onChange({ sector: id })}
          options={sectors.map((s) => ({ value: s.id, label: t(s.name) }))}
          placeholder={t('选择行业', 'Choose a sector')}
        />
      </Form.Item>
      <Form.Item label={t('环节', 'Stage')} style={{ marginBottom: 0 }}>
        <Select
          id="pick-stage"
          style={{ width: 320 }}
          value={value.stage}
          disabled={!sector}
          onChange={(stage: string) => onChange({ sector: value.sector, stage })}
          options={(sector?.stages ?? []).map((s) => ({ value: s.id, label: t(s.name) }))}
          placeholder={t('选择环节', 'Choose a stage')}
        />
      </Form.Item>
    </Space>
  );
}
