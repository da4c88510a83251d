package dev.boxauth.internal.cache;

/** Where a {@link RefreshingTokenCache} stands, as read from its clock. */
enum CacheState {
    /** No token yet, or the last one was invalidated: callers wait for a fetch. */
    EMPTY,
    /** The token is served without any other work. */
    FRESH,
    /** The token is served and one background refresh is started (unless one runs or a retry waits). */
    STALE,
    /** The token is too close to its end to hand out: callers wait for a fetch. */
    EXPIRED,
    /** {@link RefreshingTokenCache#close()} was called. */
    CLOSED
}
