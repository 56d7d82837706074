package io.txrx.gateway.notification.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The gateway's HTTP API, beside its socket: {@code /gateway/api/...}. */
@ApplicationPath("api")
public class NotificationsApi extends Application {}
