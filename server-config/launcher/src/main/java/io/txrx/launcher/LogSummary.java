package io.txrx.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the children's log files and relays the lines a user needs on the console: deployments, the ready
 * line, txrx's own INFO and WARNING records, and every SEVERE record. Everything else stays in the files.
 */
final class LogSummary implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LogSummary.class.getName());
    /** A Payara (ODL) record: {@code [time] [] [LEVEL] [id] [logger] [tid] [timeMillis] [levelValue] message}. */
    private static final Pattern RECORD = Pattern.compile(
            "^\\[[^\\]]+\\] \\[[^\\]]*\\] \\[(?<level>[A-Z]+)\\] \\[[^\\]]*\\] \\[(?<logger>[^\\]]*)\\] "
                    + "\\[tid: [^\\]]*\\] \\[timeMillis: \\d+\\] \\[levelValue: \\d+\\] ?(?<message>.*)$");

    private static final long POLL_MILLIS = 300;

    private final Console console;
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    LogSummary(Console console) {
        this.console = console;
        this.thread = new Thread(this::loop, "txrx-log-summary");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void follow(String process, Path file) {
        followers.add(new Follower(process, file));
    }

    /** The console form of a log line, or {@code null} when the line stays in the file. */
    static String summarize(String line) {
        Matcher record = RECORD.matcher(MicroLog.plain(line));
        if (!record.matches()) {
            return null;
        }
        String level = record.group("level");
        String logger = record.group("logger");
        String message = record.group("message");
        boolean txrx = logger.startsWith("io.txrx") && !level.equals("FINE");
        boolean milestone = message.contains("successfully deployed") || message.contains(" ready in ");
        if (level.equals("SEVERE") || txrx || milestone) {
            return level + " " + shortName(logger) + ": " + message;
        }
        return null;
    }

    /** Relays what the logs hold right now, so the console shows it before what comes next. */
    void flush() {
        poll();
    }

    @Override
    public void close() {
        running = false;
        poll();
    }

    private void loop() {
        while (running) {
            poll();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void poll() {
        for (Follower follower : followers) {
            try {
                follower.readNewLines();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot follow {0}: {1}", new Object[] {follower.file, e});
            }
        }
    }

    private static int lastNewLine(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String shortName(String logger) {
        return logger.substring(logger.lastIndexOf('.') + 1);
    }

    private final class Follower {
        private final String process;
        private final Path file;
        private long position;
        private String multiLineHeader;

        Follower(String process, Path file) {
            this.process = process;
            this.file = file;
        }

        /** Relays the complete lines written since the last read; a {@code [[} record joins its next line. */
        synchronized void readNewLines() throws IOException {
            if (!Files.exists(file)) {
                return;
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                if (in.length() < position) {
                    position = 0;
                }
                in.seek(position);
                byte[] bytes = new byte[(int) Math.min(in.length() - position, 1 << 20)];
                in.readFully(bytes);
                int end = lastNewLine(bytes);
                if (end < 0) {
                    return;
                }
                position += end + 1;
                String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
                text.lines().forEach(this::relay);
            }
        }

        private void relay(String line) {
            if (multiLineHeader != null) {
                String joined = summarize(multiLineHeader + line.strip());
                multiLineHeader = null;
                if (joined != null) {
                    console.relay(process, joined);
                }
                return;
            }
            String plain = MicroLog.plain(line);
            if (plain.endsWith("[[")) {
                multiLineHeader = plain.substring(0, plain.length() - 2);
                return;
            }
            String summary = summarize(plain);
            if (summary != null) {
                console.relay(process, summary);
            }
        }
    }
}
