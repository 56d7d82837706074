package io.txrx.benchmark;

/**
 * The {@code system.echo} call every client sends: {@code {"data":"<payload>"}} as params.
 * The payload is plain ASCII letters and digits, so it needs no JSON escaping and the echo
 * can be checked by looking for it in the reply.
 */
final class EchoRequest {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final String prefix;
    private final String suffix;
    private final String echoedData;

    EchoRequest(int payloadBytes) {
        StringBuilder data = new StringBuilder(payloadBytes);
        for (int i = 0; i < payloadBytes; i++) {
            data.append(ALPHABET.charAt(i % ALPHABET.length()));
        }
        this.prefix = "{\"jsonrpc\":\"2.0\",\"id\":";
        this.suffix = ",\"method\":\"system.echo\",\"params\":{\"data\":\"" + data + "\"}}";
        this.echoedData = "\"" + data + "\"";
    }

    /** The request frame for call {@code id}. */
    String frame(long id) {
        return prefix + id + suffix;
    }

    /** True when a reply frame carries the payload back, quotes included. */
    boolean isEchoedIn(String replyFrame) {
        return replyFrame.contains(echoedData);
    }
}
