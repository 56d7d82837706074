/**
 * One trace per call across its processes: each hop is an OpenTelemetry span (MicroProfile Telemetry, as
 * Payara serves it), and the W3C {@code traceparent} of the hop before travels in the stream entry.
 */
package io.txrx.tracing;
