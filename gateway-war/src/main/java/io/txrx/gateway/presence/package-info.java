/**
 * Presence on the gateway: {@code presence.online}, {@code presence.watch} and {@code presence.unwatch}
 * answered by the gateway itself, and the loop that keeps this gateway's users in the presence map, beats,
 * reaps dead gateways and pushes {@code presence.changed} to watching sockets.
 */
package io.txrx.gateway.presence;
