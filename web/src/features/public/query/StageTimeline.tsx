import { EnvironmentOutlined, ShopOutlined } from '@ant-design/icons';
import { Flex, Timeline, Typography } from 'antd';
import { useLang, useT } from '../../../i18n';
import { formatTime } from '../format-time';
import type { Stage } from './query-answer';

/** The stages the unit went through, oldest first, as a consumer reads a product's story from farm to shop. */
export function StageTimeline({ stages }: { stages: Stage[] }) {
  const t = useT();
  const { lang } = useLang();
  if (stages.length === 0) {
    return <Typography.Text type="secondary">{t('暂无环节记录', 'No stages recorded yet')}</Typography.Text>;
  }
  return (
    <div data-testid="query-timeline" data-count={stages.length}>
      <Timeline
        items={stages.map((stage, i) => ({
          key: stage.eventId,
          color: i === stages.length - 1 ? 'green' : 'blue',
          content: (
            <div data-testid="query-stage" style={{ overflowWrap: 'anywhere' }}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{formatTime(stage.time, lang)}</Typography.Text>
              <div><Typography.Text strong data-testid="query-stage-name">{t(stage.name)}</Typography.Text></div>
              {stage.party && (
                <Flex gap={6}><ShopOutlined style={{ color: '#8c8c8c' }} /><Typography.Text>{stage.party.name}</Typography.Text></Flex>
              )}
              {stage.regionName && (
                <Flex gap={6}><EnvironmentOutlined style={{ color: '#8c8c8c' }} /><Typography.Text type="secondary">{stage.regionName}</Typography.Text></Flex>
              )}
              {stage.facts.length > 0 && (
                <dl style={{ margin: '4px 0 0', fontSize: 13, color: '#595959' }}>
                  {stage.facts.map((fact, j) => (
                    // Wraps the value under a long label rather than squeezing it into a narrow column.
                    <div key={j} style={{ display: 'flex', flexWrap: 'wrap', columnGap: 6 }}>
                      <dt style={{ color: '#8c8c8c' }}>{t(fact.name)}</dt>
                      <dd style={{ margin: 0 }}>{fact.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </div>
          ),
        }))}
      />
    </div>
  );
}
