/**
 * What the bus holds right now, read from Redis: txrx's streams with their groups and consumers, the oldest
 * pending calls and the live gateways; shared by the admin API and {@code txrx status}.
 */
package io.txrx.inspect;
