/** Closed list of error codes; the server maps each to one HTTP status at the edge. */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  /** A write from another site's page (Origin or Sec-Fetch-Site), refused before anything runs. */
  CROSS_SITE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ORG_CODE_TAKEN: 409,
  USERNAME_TAKEN: 409,
  ORG_MOVE_CYCLE: 422,
  ORG_CLOSED: 422,
  ORG_HAS_OPEN_CHILDREN: 422,
  ORG_ROOT_IMMUTABLE: 422,
  PASSWORD_WEAK: 422,
  PASSWORD_WRONG: 422,
  GRANT_ROLES_CONFLICT: 422,
  RULE_VIOLATION: 422,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 423,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  WORKFLOW_INVALID_TRANSITION: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An expected refusal: a code from the closed list and a message in Chinese for the user. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Not found, or outside the caller's scope: the two must look the same to the caller. */
export const notFound = (what = '记录') => new DomainError('NOT_FOUND', `${what}不存在或无权访问`);
