/**
 * The {@code notifications} service: notifications published over HTTP (through the gateway) or by an admin's
 * socket, stored in PostgreSQL for reports, the recent ones cached in Redis, and fanned out on the
 * notification channels that the gateways deliver to sockets and Server-Sent Event streams.
 */
package io.txrx.handlers.notification;
