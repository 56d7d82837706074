/**
 * Channels: named, replayable message streams ({@code <prefix>ch:<name>}) that any role publishes to and
 * gateways fan out to subscribed sockets; the names, the message shape, the publish API and a
 * consumer-group worker for sharding a channel's messages over a fleet.
 */
package io.txrx.channel;
