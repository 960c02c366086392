package vn.tracker.audit;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.springframework.context.annotation.Configuration;

/** Hooks the audit listener into Hibernate's event system once the session factory exists. */
@Configuration(proxyBeanMethods = false)
class AuditListenerRegistration {

    AuditListenerRegistration(EntityManagerFactory entityManagerFactory, AuditWriter writer, Clock clock) {
        AuditEventListener listener = new AuditEventListener(writer, clock);
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, listener);
        registry.appendListeners(EventType.POST_UPDATE, listener);
        registry.appendListeners(EventType.POST_DELETE, listener);
    }
}
