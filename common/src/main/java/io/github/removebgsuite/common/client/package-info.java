/**
 * The transport: {@link io.github.removebgsuite.common.client.RemoveBgClient} speaks all three remove.bg endpoints
 * over OkHttp, synchronously and asynchronously, and returns typed results
 * ({@link io.github.removebgsuite.common.client.RemoveBgResult}, {@link io.github.removebgsuite.common.client.ResultMetadata},
 * {@link io.github.removebgsuite.common.client.ImproveResult}).
 */
package io.github.removebgsuite.common.client;
