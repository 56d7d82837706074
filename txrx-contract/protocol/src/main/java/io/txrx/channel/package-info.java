/**
 * Channels: named, replayable message streams ({@code <prefix>ch:<name>}) that any role publishes to and
 * gateways fan out to subscribed sockets; their names, the fields of their entries and the message shape
 * clients see. The publisher and the consumer-group worker are in {@code io.txrx.stream}.
 */
package io.txrx.channel;
