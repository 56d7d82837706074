package io.txrx.handlers.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One published notification, as reports read it. */
@Entity
@Table(name = "notifications")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String topic;

    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    /** The {@code data} as JSON text, or {@code null}. */
    private String data;

    /** Who published it: {@code api-key} or {@code user:<id>}. */
    @Column(nullable = false)
    private String sender;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Notification() {}

    public Notification(
            String topic, Long userId, String title, String body, String data, String sender, Instant createdAt) {
        this.topic = topic;
        this.userId = userId;
        this.title = title;
        this.body = body;
        this.data = data;
        this.sender = sender;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getTopic() {
        return topic;
    }

    public Long getUserId() {
        return userId;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getData() {
        return data;
    }

    public String getSender() {
        return sender;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
