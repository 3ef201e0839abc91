import { Type } from '@sinclair/typebox';
import type { ErrorCode } from '../domain/errors.js';

// EPCIS 2.0 REST binding: problem types are the EPCIS exception names (EPCIS 2.0 §8.3, §12).
const VALIDATION = 'epcisException:ValidationException';
const QUERY = 'epcisException:QueryParameterException';
const NO_SUCH = 'epcisException:NoSuchResourceException';
const SECURITY = 'epcisException:SecurityException';

/** One table: a new ErrorCode that isn't listed here fails to compile. */
export const PROBLEMS: Record<ErrorCode, { status: number; type: string; title: string }> = {
  invalid_identifier: { status: 400, type: VALIDATION, title: 'Identifier is not valid / 标识不合法' },
  invalid_document: { status: 400, type: VALIDATION, title: 'EPCIS document is not valid / EPCIS 文档不合法' },
  invalid_event: { status: 400, type: VALIDATION, title: 'EPCIS event is not valid / EPCIS 事件不合法' },
  invalid_request: { status: 400, type: VALIDATION, title: 'Request is not valid / 请求不合法' },
  invalid_record: { status: 400, type: VALIDATION, title: 'Record is not valid / 追溯记录不合法' },
  invalid_profile: { status: 400, type: VALIDATION, title: 'Sector profile is not valid / 行业追溯规范不合法' },
  rule_violation: { status: 422, type: VALIDATION, title: 'Refused by a sector rule / 违反行业追溯规则' },
  already_registered: { status: 409, type: VALIDATION, title: 'Already registered / 已登记' },
  invalid_query: { status: 400, type: QUERY, title: 'Query parameter is not valid / 查询参数不合法' },
  unknown_query_parameter: { status: 400, type: QUERY, title: 'Unknown query parameter / 未知的查询参数' },
  event_id_conflict: { status: 409, type: VALIDATION, title: 'eventID already used by another event / 事件标识已被其他事件使用' },
  unit_not_found: { status: 404, type: NO_SUCH, title: 'Trace unit not found / 未找到追溯单元' },
  event_not_found: { status: 404, type: NO_SUCH, title: 'Event not found / 未找到事件' },
  capture_job_not_found: { status: 404, type: NO_SUCH, title: 'Capture job not found / 未找到采集任务' },
  code_not_found: { status: 404, type: NO_SUCH, title: 'Trace code not registered / 追溯码未登记' },
  sector_not_found: { status: 404, type: NO_SUCH, title: 'Sector profile not found / 未找到行业追溯规范' },
  party_not_found: { status: 404, type: NO_SUCH, title: 'Party not registered / 追溯主体未登记' },
  product_not_found: { status: 404, type: NO_SUCH, title: 'Product not registered / 产品未登记' },
  catalogue_entry_not_found: { status: 404, type: NO_SUCH, title: 'Catalogue entry not found / 未找到目录条目' },
  record_not_found: { status: 404, type: NO_SUCH, title: 'Record not found / 未找到追溯记录' },
  user_not_found: { status: 404, type: NO_SUCH, title: 'User not found / 未找到用户' },
  token_not_found: { status: 404, type: NO_SUCH, title: 'Token not found / 未找到令牌' },
  inspection_request_not_found: { status: 404, type: NO_SUCH, title: 'Inspection request not found / 未找到检验委托' },
  report_not_found: { status: 404, type: NO_SUCH, title: 'Report not found / 未找到举报' },
  unauthorized: { status: 401, type: SECURITY, title: 'Authentication required / 需要身份认证' },
  forbidden: { status: 403, type: SECURITY, title: 'Not allowed / 无权操作' },
  too_many_attempts: { status: 429, type: SECURITY, title: 'Too many failed logins / 登录失败次数过多' },
  too_many_requests: { status: 429, type: SECURITY, title: 'Too many requests / 请求过于频繁' },
};

/** Problems that come from HTTP itself rather than the domain. */
export const HTTP_PROBLEMS: Record<number, { type: string; title: string }> = {
  400: { type: VALIDATION, title: 'Request is not valid / 请求不合法' },
  404: { type: NO_SUCH, title: 'Not found / 未找到' },
  405: { type: 'about:blank', title: 'Method not allowed / 不支持的请求方法' },
  406: { type: 'epcisException:NotAcceptableException', title: 'Not acceptable / 无法提供所需格式' },
  413: { type: 'epcisException:CaptureLimitExceededException', title: 'Request body too large / 请求体过大' },
  414: { type: VALIDATION, title: 'URL too long / 请求地址过长' },
  415: { type: 'epcisException:UnsupportedMediaTypeException', title: 'Unsupported media type / 不支持的内容类型' },
  429: { type: 'about:blank', title: 'Too many requests / 请求过于频繁' },
  500: { type: 'epcisException:ImplementationException', title: 'Internal error / 服务器内部错误' },
  503: { type: 'epcisException:ImplementationException', title: 'Service unavailable / 服务暂不可用' },
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  [extension: string]: unknown;
}

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'EPCIS exception type' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String({ description: 'What exactly was wrong, naming the field, event or row' })),
    instance: Type.Optional(Type.String()),
    code: Type.Optional(Type.String({ description: 'Stable error code, listed in docs/errors.md' })),
    errors: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))),
  },
  { $id: 'Problem', title: 'RFC 7807 problem', additionalProperties: true },
);

/** The problem responses every route may give, for its schema. */
export const problemResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
};

export function domainProblem(code: ErrorCode, detail: string, instance: string, details?: Record<string, unknown>): Problem {
  const { status, type, title } = PROBLEMS[code];
  return { type, title, status, detail, instance, code, ...details };
}

export function httpProblem(status: number, detail: string, instance: string): Problem {
  const known = HTTP_PROBLEMS[status] ?? HTTP_PROBLEMS[status >= 500 ? 500 : 400] ?? { type: 'about:blank', title: 'Error' };
  return { type: known.type, title: known.title, status, detail, instance };
}
