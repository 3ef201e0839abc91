import { Alert } from 'antd';
import { useLang, useT } from '../../../i18n';
import { formatTime } from '../format-time';
import type { QueryAnswer } from './query-answer';

/**
 * How often the code has been queried. A copied label is scanned by many buyers, so a count above one is the one
 * hint a consumer has that the code on a pack may not be genuine.
 */
export function ScanNotice({ scans }: { scans: QueryAnswer['scans'] }) {
  const t = useT();
  const { lang } = useLang();
  const first = scans.firstAt ? formatTime(scans.firstAt, lang) : undefined;
  const where = scans.firstRegionName ? t(` 在${scans.firstRegionName}`, ` in ${scans.firstRegionName}`) : '';
  const said = t(`此码已被查询 ${scans.count} 次`, `Queried ${scans.count} ${scans.count === 1 ? 'time' : 'times'}`)
    + (first ? t(`，首次查询于 ${first}${where}`, `, first on ${first}${where}`) : '');
  const repeated = scans.count > 1;
  return (
    <Alert
      data-testid="query-scans"
      data-count={scans.count}
      type={repeated ? 'warning' : 'info'}
      showIcon
      title={said}
      description={repeated ? t('如非本人首次查询，请注意防伪', 'If this is not your first scan, the code may be copied') : undefined}
    />
  );
}
