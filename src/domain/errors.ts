/** Every way a domain operation can refuse. The API maps each code to one HTTP status in `api/problem.ts`. */
export type ErrorCode =
  | 'invalid_identifier'
  | 'invalid_document'
  | 'invalid_event'
  | 'invalid_query'
  | 'invalid_request'
  | 'invalid_record'
  | 'invalid_profile'
  | 'rule_violation'
  | 'already_registered'
  | 'event_id_conflict'
  | 'unknown_query_parameter'
  | 'unit_not_found'
  | 'event_not_found'
  | 'capture_job_not_found'
  | 'code_not_found'
  | 'sector_not_found'
  | 'party_not_found'
  | 'product_not_found'
  | 'catalogue_entry_not_found'
  | 'record_not_found'
  | 'user_not_found'
  | 'token_not_found'
  | 'inspection_request_not_found'
  | 'report_not_found'
  | 'too_many_requests'
  | 'unauthorized'
  | 'forbidden'
  | 'too_many_attempts';

/** A refusal with a stable code, a message for the person who sent the input, and optional structured details. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
