package io.txrx.gateway.control;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.Frame;
import io.txrx.jsonrpc.Replies;
import jakarta.websocket.Session;

/**
 * Which frames of a socket the gateway takes: none over the size limit (checked before parsing), not one
 * invalid frame too many in a row, and no more calls than the socket's rate allows.
 */
public final class FrameAdmission {
    private final int maxFrameBytes;
    private final int maxInvalidFrames;
    private final int ratePerSecond;
    private final int rateBurst;
    private final int sendQueueFrames;
    private final long sendQueueBytes;
    private final GatewayMeter meter;

    public FrameAdmission(
            GatewayMeter meter,
            int maxFrameBytes,
            int maxInvalidFrames,
            int ratePerSecond,
            int rateBurst,
            int sendQueueFrames,
            long sendQueueBytes) {
        this.meter = meter;
        this.maxFrameBytes = maxFrameBytes;
        this.maxInvalidFrames = maxInvalidFrames;
        this.ratePerSecond = ratePerSecond;
        this.rateBurst = rateBurst;
        this.sendQueueFrames = sendQueueFrames;
        this.sendQueueBytes = sendQueueBytes;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** The state of a socket opened now. */
    public Socket open(Session session, long nowMs) {
        session.setMaxTextMessageBufferSize(maxFrameBytes);
        return new Socket(
                session,
                new RateLimit(ratePerSecond, rateBurst, nowMs),
                new SendQueue(sendQueueFrames, sendQueueBytes),
                meter);
    }

    public boolean tooBig(String text) {
        return FrameSize.exceeds(text, maxFrameBytes);
    }

    /** Counts a frame without a valid call; answers whether the socket has sent too many in a row. */
    public boolean tooManyInvalid(Socket socket, Frame frame) {
        if (!frame.calls().isEmpty()) {
            socket.invalidFrames().set(0);
            return false;
        }
        return socket.invalidFrames().incrementAndGet() > maxInvalidFrames;
    }

    /** Takes the frame's calls from the socket's rate; answers {@code false} when they are over it. */
    public boolean withinRate(Socket socket, Frame frame, long nowMs) {
        return frame.calls().isEmpty() || socket.rate().tryTake(frame.calls().size(), nowMs);
    }

    /** Answers each call of a frame over the rate with -32005 (nothing for notifications), counted as answered and refused. */
    public void refuseOverRate(Socket socket, Frame frame) {
        frame.calls().forEach(c -> {
            meter.answered(c.method(), ErrorCode.RATE_LIMITED);
            meter.refused(GatewayMeter.Refusal.RATE_LIMITED);
        });
        String message = "Rate limit exceeded: at most " + ratePerSecond + " calls a second";
        var replies = frame.calls().stream()
                .filter(c -> !c.isNotification())
                .map(c -> Replies.error(c.id(), ErrorCode.RATE_LIMITED, message, null))
                .toList();
        if (replies.isEmpty()) {
            return;
        }
        socket.send(frame.batch() ? "[" + String.join(",", replies) + "]" : replies.get(0));
    }
}
