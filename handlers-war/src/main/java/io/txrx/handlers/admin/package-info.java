/**
 * The {@code admin} service, for the admin role only: what the bus holds right now, read from Redis
 * ({@code admin.streams}, {@code admin.pending}).
 */
package io.txrx.handlers.admin;
