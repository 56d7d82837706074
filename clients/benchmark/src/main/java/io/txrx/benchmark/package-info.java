/**
 * A command-line load generator for the txrx gateway: N WebSocket clients, each calling
 * {@code system.echo} in a closed loop, reporting throughput and latency percentiles.
 * Uses only the JDK ({@code java.net.http.WebSocket}), so it runs anywhere a JDK does.
 */
package io.txrx.benchmark;
