/** When a failed call is tried again: {@link io.github.removebgsuite.common.retry.RetryPolicy}. */
package io.github.removebgsuite.common.retry;
