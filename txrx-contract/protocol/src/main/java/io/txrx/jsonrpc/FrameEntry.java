package io.txrx.jsonrpc;

/** One entry of a frame: a valid {@link Call}, or a {@link Rejection} the gateway answers itself. */
public sealed interface FrameEntry permits Call, Rejection {}
