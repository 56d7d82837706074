package io.txrx.handlers.profile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a user tells about themselves. */
@Entity
@Table(name = "profiles")
public class Profile {

    @Id
    @Column(name = "user_id")
    private Long userId;

    private String bio;

    private String location;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Profile() {}

    public Profile(Long userId) {
        this.userId = userId;
        this.updatedAt = Instant.now();
    }

    public Long getUserId() {
        return userId;
    }

    public String getBio() {
        return bio;
    }

    public String getLocation() {
        return location;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void update(String bio, String location) {
        this.bio = bio;
        this.location = location;
        this.updatedAt = Instant.now();
    }
}
