/**
 * Redis Streams as every role uses them: the shared connection pool, the pipelined, batching writer, the
 * consumer-group reader, the loop helper, and the channel publisher and consumer-group worker.
 */
package io.txrx.stream;
