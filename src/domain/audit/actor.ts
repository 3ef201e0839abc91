/** Who made a change: a signed-in user, an API token, the first start's token, the platform itself, or a command. */
export interface AuditActor {
  type: 'user' | 'token' | 'bootstrap' | 'system' | 'cli';
  /** The user id, the token id, or the name of the system part or command. */
  id: string;
  name?: string;
  /** The 统一社会信用代码 (USCC) of the enterprise the actor acts for. */
  enterprise?: string;
  /** The client's IP address. */
  address?: string;
}

/** The platform itself: writes that no request asked for (the national catalogue at start, the demo). */
export const SYSTEM_ACTOR: AuditActor = Object.freeze({ type: 'system', id: 'zhuisu' });
