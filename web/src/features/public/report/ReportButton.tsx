import { useT } from '../../../i18n';
import { LinkButton } from '../LinkButton';
import type { ReportCategory } from './report-categories';

/** The report form for a code, with the category the page suggests. */
export function reportPath(code: string, category?: ReportCategory): string {
  const params = new URLSearchParams({ code });
  if (category) params.set('category', category);
  return `/report?${params}`;
}

/** One tap from a query page to the report form, the code already filled in. */
export function ReportButton({ code, category }: { code: string; category?: ReportCategory }) {
  const t = useT();
  return (
    <LinkButton to={reportPath(code, category)} data-testid="report-button" type="primary" danger size="large" block style={{ minWidth: 200 }}>
      {t('举报', 'Report')}
    </LinkButton>
  );
}
