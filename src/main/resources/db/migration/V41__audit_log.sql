-- Audit log: one row per written entity (who, when, what, field before/after as JSON), appended
-- in the writer's transaction by a Hibernate listener, in one JDBC batch per transaction.

CREATE TABLE audit_log (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(210) NOT NULL,
    actor_kind  VARCHAR(10)  NOT NULL,
    action      VARCHAR(10)  NOT NULL,
    entity_type VARCHAR(60)  NOT NULL,
    entity_id   BIGINT,
    entity_code VARCHAR(100),
    changes     MEDIUMTEXT   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_audit_log_entity ON audit_log (entity_type, entity_id, id);
CREATE INDEX ix_audit_log_code ON audit_log (entity_type, entity_code, id);
CREATE INDEX ix_audit_log_actor ON audit_log (actor, id);
CREATE INDEX ix_audit_log_time ON audit_log (occurred_at);
