/**
 * Who is calling: the signed-in user a gateway binds to a socket and stamps on every call from it, so the
 * rpc layer can check it; clients never write it themselves. And the sign-outs that unbind it again on
 * every gateway.
 */
package io.txrx.identity;
