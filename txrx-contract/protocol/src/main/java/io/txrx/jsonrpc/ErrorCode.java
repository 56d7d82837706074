package io.txrx.jsonrpc;

/** JSON-RPC 2.0 error codes: the standard ones and txrx's server codes in -32000..-32099. */
public final class ErrorCode {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    public static final int UNAUTHORIZED = -32001;
    public static final int FORBIDDEN = -32003;
    public static final int UNAVAILABLE = -32004;
    public static final int RATE_LIMITED = -32005;
    /** Redis, the message bus, is unreachable: the call was not sent; it can be sent again at once. */
    public static final int BUS_UNAVAILABLE = -32006;
    /** Redis lost its data (restarted without persistence, flushed) while the call was in it. */
    public static final int CALL_LOST = -32007;

    public static final int TOO_LARGE = -32009;
    public static final int CONFLICT = -32010;

    private ErrorCode() {}
}
