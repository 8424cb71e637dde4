/**
 * The exception hierarchy, rooted at {@link io.github.removebgsuite.common.error.RemoveBgException}: parameters refused
 * before any call, API errors by status (with every {@code {code, title, detail}} and the rate-limit snapshot),
 * connection failures and answers that were not what was promised.
 */
package io.github.removebgsuite.common.error;
