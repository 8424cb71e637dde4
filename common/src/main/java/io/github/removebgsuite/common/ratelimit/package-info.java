/**
 * Client-side pacing in remove.bg's megapixel units ({@link io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter})
 * and the server's reported state ({@link io.github.removebgsuite.common.ratelimit.RateLimitSnapshot}).
 */
package io.github.removebgsuite.common.ratelimit;
