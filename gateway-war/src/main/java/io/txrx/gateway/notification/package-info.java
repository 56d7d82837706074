/**
 * The gateway's part of notifications: the HTTP API at {@code /api/notifications} (POST and reports become
 * calls on the bus, answered by the notifications service), the Server-Sent Event stream per topic with
 * resumption by {@code Last-Event-ID}, and the {@code notification} pushes to sockets that subscribed to a
 * topic or whose user a notification is addressed to.
 */
package io.txrx.gateway.notification;
