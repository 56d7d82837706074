/**
 * The {@code auth} service: registration, sign-in with a session token, resuming a socket with it, sign-out,
 * password changes, and the admin's user list. Passwords are PBKDF2 hashes; tokens are stored as hashes.
 */
package io.txrx.handlers.auth;
