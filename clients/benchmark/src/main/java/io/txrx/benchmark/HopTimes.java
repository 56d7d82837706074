package io.txrx.benchmark;

/**
 * Scrapes the servers' hop histograms when the measured window starts and again after its last call, and
 * turns the difference into {@link HopReport}'s section, or into one line saying why there is none. A first
 * scrape before the run finds a missing endpoint early and warms the HTTP client, so that the scrape at the
 * window's start is not late by a cold start.
 */
final class HopTimes {

    private final MetricsScraper scraper;
    private volatile boolean reachable = true;
    private volatile HopHistograms before;
    private volatile String failed = "no scrape finished as the window started (did the run end before it?)";

    HopTimes(MetricsScraper scraper) {
        this.scraper = scraper;
    }

    /** A scrape before the run; when it fails, the others are skipped and the report says why. */
    void prepare() throws InterruptedException {
        try {
            scraper.scrape();
        } catch (ScrapeException e) {
            reachable = false;
            failed = e.getMessage();
        }
    }

    /** The first counted scrape, as the measured window starts. */
    void windowStarts() throws InterruptedException {
        if (!reachable) {
            return;
        }
        try {
            before = scraper.scrape();
        } catch (ScrapeException e) {
            failed = e.getMessage();
        }
    }

    /** The second scrape, once the window's calls are done, and the section it gives. */
    String report() throws InterruptedException {
        if (before == null) {
            return HopReport.unavailable(failed);
        }
        try {
            return HopReport.format(scraper.endpoints(), scraper.scrape().minus(before));
        } catch (ScrapeException e) {
            return HopReport.unavailable(e.getMessage());
        }
    }
}
