/**
 * txrx's metrics, served by Payara as Prometheus text at {@code /metrics} (MicroProfile Metrics): counters
 * taken once and kept, and latency histograms with fixed buckets whose counts are plain adders, so that
 * counting a call allocates nothing.
 */
package io.txrx.metrics;
