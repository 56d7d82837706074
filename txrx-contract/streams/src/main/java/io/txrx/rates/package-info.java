/**
 * Calls and errors per method over the last minute, for the whole system: each gateway counts the calls it
 * answers ({@link io.txrx.rates.CallTally}) and adds them every second to a per-second hash in Redis
 * ({@link io.txrx.rates.RateBuckets}), which {@code admin.rates} sums.
 */
package io.txrx.rates;
