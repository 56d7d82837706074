package io.txrx.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the samples of a Prometheus text exposition ({@code /metrics}): {@code name{label="value",...} value
 * [timestamp]} per line. Comments ({@code # HELP}, {@code # TYPE}), blank lines and lines that are not a
 * sample are skipped; labels are kept as written, Payara's scope labels ({@code mp_scope}) included.
 */
final class PrometheusText {

    /** One line of the scrape. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private PrometheusText() {}

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Sample sample = sample(line.strip());
            if (sample != null) {
                samples.add(sample);
            }
        }
        return samples;
    }

    /** The sample on this line, or null when it is a comment, blank or malformed. */
    static Sample sample(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int at = 0;
        while (at < line.length() && isNameChar(line.charAt(at), at == 0)) {
            at++;
        }
        if (at == 0) {
            return null;
        }
        String name = line.substring(0, at);
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, labels);
            if (at < 0) {
                return null;
            }
        }
        String[] rest = line.substring(at).strip().split("\\s+");
        if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
            return null;
        }
        try {
            return new Sample(name, Map.copyOf(labels), value(rest[0]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads {@code a="x",b="y"}} from {@code at} (just after the brace); the index after the closing brace, or -1. */
    private static int labels(String line, int at, Map<String, String> labels) {
        while (true) {
            while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == ',')) {
                at++;
            }
            if (at >= line.length()) {
                return -1;
            }
            if (line.charAt(at) == '}') {
                return at + 1;
            }
            int nameStart = at;
            while (at < line.length() && isNameChar(line.charAt(at), at == nameStart) && line.charAt(at) != ':') {
                at++;
            }
            if (at == nameStart || at + 1 >= line.length() || line.charAt(at) != '=' || line.charAt(at + 1) != '"') {
                return -1;
            }
            String labelName = line.substring(nameStart, at);
            StringBuilder value = new StringBuilder();
            at += 2;
            while (at < line.length() && line.charAt(at) != '"') {
                char c = line.charAt(at);
                if (c == '\\' && at + 1 < line.length()) {
                    char escaped = line.charAt(++at);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
                at++;
            }
            if (at >= line.length()) {
                return -1;
            }
            labels.put(labelName, value.toString());
            at++;
        }
    }

    private static boolean isNameChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || !first && c >= '0' && c <= '9';
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
