/**
 * The dispatcher: reads every call from TX through the consumer group {@code dispatchers} and forwards it to
 * the stream of the service that handles its method, holding unroutable calls until a shard arrives or the
 * grace period ends.
 */
package io.txrx.dispatcher;
