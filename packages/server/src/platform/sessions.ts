import type { SessionActor } from './http.js';

/** How long a process keeps a session it has read before reading it whole again. */
export const SESSION_CACHE_MS = 5_000;

/** One cached session: the actor as read, and the account's session epoch at that read. */
export interface CachedSession {
  actor: SessionActor;
  createdAt: Date;
  lastSeenAt: Date;
  /** `app_user.session_epoch` when read: a newer epoch in the database means the entry is stale. */
  epoch: number;
  loadedAt: number;
}

/**
 * Sessions one server process read in the last few seconds, so a burst of requests reads the
 * user and grants once. Each app has its own (as each process does); an entry is only trusted
 * after the cheap check in `loadActorByToken` (the session row still exists, the epoch is unchanged).
 */
export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();

  /** The entry of a session read less than SESSION_CACHE_MS ago, if any. */
  get(sessionId: string, now: number): CachedSession | undefined {
    const e = this.entries.get(sessionId);
    if (e && now - e.loadedAt < SESSION_CACHE_MS && now >= e.loadedAt) return e;
    this.entries.delete(sessionId);
    return undefined;
  }

  set(sessionId: string, entry: CachedSession) {
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(sessionId, entry);
  }

  drop(sessionId: string) {
    this.entries.delete(sessionId);
  }
}
