package io.txrx.handlers.notification.control;

import io.txrx.handlers.auth.control.Accounts;
import io.txrx.handlers.notification.control.NotificationInput.Draft;
import io.txrx.handlers.notification.entity.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The notifications table: one insert per publish (committed before anything is delivered), and the reports. */
@ApplicationScoped
public class NotificationStore {

    @PersistenceContext(unitName = "txrx")
    EntityManager em;

    @Inject
    Accounts accounts;

    /** Stores a notification in a transaction of its own; -32602 when it is addressed to no known user. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Notification save(Draft draft, String sender) {
        if (draft.userId() != null) {
            accounts.byId(draft.userId()); // -32602 "No user N"
        }
        Notification notification = new Notification(
                draft.topic(),
                draft.userId(),
                draft.title(),
                draft.body(),
                draft.data() == null ? null : draft.data().toString(),
                sender,
                Instant.now().truncatedTo(ChronoUnit.MICROS)); // what PostgreSQL keeps
        em.persist(notification);
        em.flush();
        return notification;
    }

    /** The query's page, newest first (ties by id). */
    @Transactional
    public List<Notification> page(ReportQuery query) {
        return page(query, query.offset(), query.size());
    }

    /** {@code count} rows from {@code offset} of the query's filter, newest first. */
    @Transactional
    public List<Notification> page(ReportQuery query, int offset, int count) {
        List<String> where = new ArrayList<>();
        if (query.topic() != null) {
            where.add("n.topic = :topic");
        }
        if (query.userId() != null) {
            where.add("n.userId = :userId");
        }
        if (query.from() != null) {
            where.add("n.createdAt >= :from");
        }
        if (query.to() != null) {
            where.add("n.createdAt < :to");
        }
        String jpql = "SELECT n FROM Notification n"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY n.createdAt DESC, n.id DESC";
        TypedQuery<Notification> select = em.createQuery(jpql, Notification.class);
        if (query.topic() != null) {
            select.setParameter("topic", query.topic());
        }
        if (query.userId() != null) {
            select.setParameter("userId", query.userId());
        }
        if (query.from() != null) {
            select.setParameter("from", query.from());
        }
        if (query.to() != null) {
            select.setParameter("to", query.to());
        }
        return select.setFirstResult(offset).setMaxResults(count).getResultList();
    }
}
