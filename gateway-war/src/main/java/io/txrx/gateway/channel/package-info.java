/**
 * Channels at the gateway: the {@code channel.*} methods a socket calls (answered here, not through TX), and
 * the one blocking reader per gateway that reads every channel its sockets subscribe to and fans each message
 * out to them, after an exact replay from the offset a socket asked for.
 */
package io.txrx.gateway.channel;
