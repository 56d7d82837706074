package io.txrx.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code txrx_hop_seconds} histograms of one scrape (or of several added up), by their {@code hop} label.
 * Other labels, such as Payara's {@code mp_scope}, are ignored. Payara prints its application registry once
 * per deployed application, so one process with several roles repeats every series with the very same
 * labels; such repeats are one series, and its largest value is kept (a count only grows).
 */
record HopHistograms(Map<String, BucketHistogram> byHop) {

    static final String FAMILY = "txrx_hop_seconds";

    /** The pipeline's order; other hops follow by name. */
    static final List<String> ORDER = List.of("call", "gateway_dispatcher", "dispatcher_rpc", "handler", "rpc_gateway");

    static final HopHistograms NONE = new HopHistograms(Map.of());

    /** One series of the scrape: a sample without its value. */
    private record Series(String name, Map<String, String> labels) {}

    HopHistograms {
        byHop = Map.copyOf(byHop);
    }

    static HopHistograms fromScrape(String text) {
        return from(PrometheusText.parse(text));
    }

    static HopHistograms from(List<PrometheusText.Sample> samples) {
        Map<Series, Double> series = new HashMap<>();
        for (PrometheusText.Sample sample : samples) {
            String hop = sample.labels().get("hop");
            if (hop != null && sample.name().startsWith(FAMILY + "_") && !Double.isNaN(sample.value())) {
                series.merge(new Series(sample.name(), sample.labels()), sample.value(), Math::max);
            }
        }
        Map<String, Double> counts = new HashMap<>();
        Map<String, Double> sums = new HashMap<>();
        Map<String, TreeMap<Double, Double>> buckets = new HashMap<>();
        for (Map.Entry<Series, Double> one : series.entrySet()) {
            Series key = one.getKey();
            String hop = key.labels().get("hop");
            switch (key.name().substring(FAMILY.length())) {
                case "_count" -> counts.merge(hop, one.getValue(), Double::sum);
                case "_sum" -> sums.merge(hop, one.getValue(), Double::sum);
                case "_bucket" -> {
                    Double le = bound(key.labels().get("le"));
                    if (le != null) {
                        buckets.computeIfAbsent(hop, h -> new TreeMap<>()).merge(le, one.getValue(), Double::sum);
                    }
                }
                default -> {}
            }
        }
        Map<String, BucketHistogram> byHop = new HashMap<>();
        for (Map.Entry<String, Double> count : counts.entrySet()) {
            String hop = count.getKey();
            byHop.put(
                    hop,
                    new BucketHistogram(
                            count.getValue(), sums.getOrDefault(hop, 0.0), buckets.getOrDefault(hop, new TreeMap<>())));
        }
        return new HopHistograms(byHop);
    }

    /** What the hops measured after {@code before}; throws when a count went down (a server restarted). */
    HopHistograms minus(HopHistograms before) throws ScrapeException {
        Map<String, BucketHistogram> delta = new HashMap<>();
        for (Map.Entry<String, BucketHistogram> hop : byHop.entrySet()) {
            BucketHistogram difference =
                    hop.getValue().minus(before.byHop.getOrDefault(hop.getKey(), BucketHistogram.EMPTY));
            if (difference == null) {
                throw new ScrapeException("the " + hop.getKey() + " counts went down during the run (a restart?)");
            }
            delta.put(hop.getKey(), difference);
        }
        return new HopHistograms(delta);
    }

    /** The hops of two processes together. */
    HopHistograms plus(HopHistograms other) {
        Map<String, BucketHistogram> sum = new HashMap<>(byHop);
        other.byHop.forEach((hop, histogram) -> sum.merge(hop, histogram, BucketHistogram::plus));
        return new HopHistograms(sum);
    }

    /** The hops present, in {@link #ORDER} first, then by name. */
    List<String> hops() {
        return byHop.keySet().stream()
                .sorted((a, b) -> {
                    int ia = rank(a);
                    int ib = rank(b);
                    return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
                })
                .toList();
    }

    BucketHistogram hop(String hop) {
        return byHop.getOrDefault(hop, BucketHistogram.EMPTY);
    }

    private static int rank(String hop) {
        int at = ORDER.indexOf(hop);
        return at < 0 ? ORDER.size() : at;
    }

    private static Double bound(String le) {
        if (le == null) {
            return null;
        }
        try {
            return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.valueOf(le);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
