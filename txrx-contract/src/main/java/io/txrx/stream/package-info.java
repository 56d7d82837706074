/**
 * Redis Streams as every role uses them: key names under the configurable prefix, entry fields, the shared
 * connection pool and the pipelined, batching writer.
 */
package io.txrx.stream;
