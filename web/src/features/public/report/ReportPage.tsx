import { useSearchParams } from 'react-router-dom';
import { isReportCategory } from './report-categories';
import { ReportForm } from './ReportForm';
import { ReportLookup } from './ReportLookup';

/** /report?code=… is the form a query page leads to; /report alone looks a tracking number up. */
export function ReportPage() {
  const [params] = useSearchParams();
  const code = params.get('code');
  const category = params.get('category');
  if (code !== null) return <ReportForm code={code} category={isReportCategory(category) ? category : undefined} />;
  return <ReportLookup />;
}
