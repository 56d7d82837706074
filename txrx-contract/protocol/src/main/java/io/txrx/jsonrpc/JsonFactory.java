package io.txrx.jsonrpc;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once: {@code jakarta.json.Json}'s static methods look it up through the
 * ServiceLoader on every call, which costs more than the parsing on the hot path of a call.
 */
public final class JsonFactory {
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonFactory() {}
}
