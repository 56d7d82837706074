/**
 * The {@code chat} service: one-to-one messages between signed-in users, appended to a Redis stream, pushed
 * at once to the sockets of both users on any gateway, and persisted to PostgreSQL in batches by the chat
 * writer; history, unread messages, read marks and the list of conversations.
 */
package io.txrx.handlers.chat;
