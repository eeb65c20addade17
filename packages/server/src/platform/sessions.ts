import type { SessionActor } from './http.js';

/** How long a process trusts a session it has read before reading it again. */
export const SESSION_CACHE_MS = 5_000;

interface Entry {
  actor: SessionActor;
  createdAt: Date;
  lastSeenAt: Date;
  loadedAt: number;
}

/**
 * Sessions this process read in the last few seconds, so a burst of requests costs one lookup.
 * Logout, password changes, disabling and grant changes drop the entries here at once; another
 * server process sees them within SESSION_CACHE_MS (docs/deploy.md).
 */
class SessionCache {
  private readonly entries = new Map<string, Entry>();

  get(sessionId: string, now: number): Entry | undefined {
    const e = this.entries.get(sessionId);
    if (e && now - e.loadedAt < SESSION_CACHE_MS && now >= e.loadedAt) return e;
    this.entries.delete(sessionId);
    return undefined;
  }

  set(sessionId: string, entry: Entry) {
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(sessionId, entry);
  }

  drop(sessionId: string) {
    this.entries.delete(sessionId);
  }

  /** Forgets every session of a user (password reset, disabling, grants changed). */
  dropUser(userId: number) {
    for (const [id, e] of this.entries) if (e.actor.userId === userId) this.entries.delete(id);
  }
}

export const sessionCache = new SessionCache();
