package io.txrx.benchmark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code txrx_hop_seconds} from the {@code /metrics} of every txrx process given, and adds them up. */
final class MetricsScraper {

    private final HttpClient http;
    private final List<URI> endpoints;
    private final Duration timeout;

    MetricsScraper(List<URI> endpoints, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.endpoints = List.copyOf(endpoints);
        this.timeout = timeout;
    }

    /** {@code http://HOST:PORT/metrics} of each gateway URL's host and port, each once. */
    static List<URI> endpointsFor(List<URI> gateways) {
        Set<URI> endpoints = new LinkedHashSet<>();
        for (URI gateway : gateways) {
            String scheme = "wss".equals(gateway.getScheme()) ? "https" : "http";
            String port = gateway.getPort() < 0 ? "" : ":" + gateway.getPort();
            endpoints.add(URI.create(scheme + "://" + gateway.getHost() + port + "/metrics"));
        }
        return List.copyOf(endpoints);
    }

    List<URI> endpoints() {
        return endpoints;
    }

    /** The hop histograms of all endpoints together, as they are now. */
    HopHistograms scrape() throws ScrapeException, InterruptedException {
        HopHistograms all = HopHistograms.NONE;
        for (URI endpoint : endpoints) {
            all = all.plus(scrape(endpoint));
        }
        return all;
    }

    private HopHistograms scrape(URI endpoint) throws ScrapeException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Accept", "text/plain")
                .timeout(timeout)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ScrapeException(endpoint + " did not answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new ScrapeException(endpoint + " refused the connection");
        } catch (IOException e) {
            throw new ScrapeException(endpoint + " failed: " + e);
        }
        if (response.statusCode() != 200) {
            throw new ScrapeException(endpoint + " answered HTTP " + response.statusCode());
        }
        HopHistograms hops = HopHistograms.fromScrape(response.body());
        if (hops.byHop().isEmpty()) {
            throw new ScrapeException(endpoint + " has no " + HopHistograms.FAMILY + " histogram");
        }
        return hops;
    }
}
