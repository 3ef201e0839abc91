import { Alert } from 'antd';
import { useLang, type Lang } from '../../i18n';
import type { ApiError } from '../../http';

const HAN = /\p{Script=Han}/u;

/**
 * The server writes reasons as "中文 / English" and titles as "English / 中文"; a clerk reads the half of the language
 * chosen, told apart by which half has Chinese characters.
 */
export function inLang(text: string, lang: Lang): string {
  const at = text.indexOf(' / ');
  // Several reasons joined in one text cannot be split by language safely: shown whole.
  if (at < 0 || text.indexOf(' / ', at + 3) >= 0) return text;
  const first = text.slice(0, at);
  const second = text.slice(at + 3);
  const [zh, en] = HAN.test(first) || !HAN.test(second) ? [first, second] : [second, first];
  return lang === 'zh' ? zh : en;
}

export interface FieldIssue {
  field?: string;
  reason: string;
  row?: number;
  column?: string;
}

/** The per-field or per-row list a rejected record or import carries (`errors`). */
export function problemIssues(error: ApiError): FieldIssue[] {
  const list = error.problem.errors;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, reason, message, row, column } = entry as Record<string, unknown>;
    const text = typeof reason === 'string' ? reason : typeof message === 'string' ? message : undefined;
    if (text === undefined) return [];
    return [{
      reason: text,
      ...(typeof field === 'string' && field !== '' ? { field } : {}),
      ...(typeof row === 'number' ? { row } : {}),
      ...(typeof column === 'string' && column !== '' ? { column } : {}),
    }];
  });
}

/** A refused request as the person should read it: the problem's detail, and each field it names. */
export function ProblemAlert({ error, withList = true }: { error: ApiError | undefined; withList?: boolean }) {
  const { lang } = useLang();
  if (!error) return null;
  const issues = withList ? problemIssues(error) : [];
  const title = inLang(error.problem.title ?? `HTTP ${error.status}`, lang);
  const detail = issues.length > 0 ? undefined : inLang(error.problem.detail ?? error.message, lang);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={title}
      description={
        <>
          {detail}
          {issues.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {issues.map((issue, i) => <li key={i}>{issue.field ? <code>{issue.field}</code> : null} {inLang(issue.reason, lang)}</li>)}
            </ul>
          )}
        </>
      }
    />
  );
}
