-- Domain model of DESIGN.md. Runs unchanged on H2 (MySQL mode) and MySQL 8 / MariaDB 10.11.
-- *_folded columns hold lower-case, diacritic-free, đ→d text maintained by the application,
-- so search is accent-insensitive on every database.

CREATE TABLE program (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(300) NOT NULL,
    CONSTRAINT uk_program_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE agency (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    code          VARCHAR(60)  NOT NULL,
    name          VARCHAR(500) NOT NULL,
    name_folded   VARCHAR(500) NOT NULL,
    kind          VARCHAR(30)  NOT NULL,
    parent_id     BIGINT,
    province_code VARCHAR(20),
    valid_from    DATE,
    valid_to      DATE,
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uk_agency_code UNIQUE (code),
    CONSTRAINT fk_agency_parent FOREIGN KEY (parent_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_agency_parent ON agency (parent_id);
CREATE INDEX ix_agency_name_folded ON agency (name_folded);

CREATE TABLE person (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    code          VARCHAR(60)  NOT NULL,
    full_name     VARCHAR(200) NOT NULL,
    name_folded   VARCHAR(200) NOT NULL,
    position      VARCHAR(200),
    email         VARCHAR(200),
    phone         VARCHAR(50),
    agency_id     BIGINT       NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uk_person_code UNIQUE (code),
    CONSTRAINT fk_person_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_person_agency ON person (agency_id);

CREATE TABLE directive (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    code          VARCHAR(80)   NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    title         VARCHAR(2000) NOT NULL,
    title_folded  VARCHAR(2000) NOT NULL,
    issuer_id     BIGINT,
    issued_on     DATE,
    parent_id     BIGINT,
    version       BIGINT        NOT NULL DEFAULT 0,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uk_directive_code UNIQUE (code),
    CONSTRAINT fk_directive_issuer FOREIGN KEY (issuer_id) REFERENCES agency (id),
    CONSTRAINT fk_directive_parent FOREIGN KEY (parent_id) REFERENCES directive (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_directive_parent ON directive (parent_id);
CREATE INDEX ix_directive_issuer ON directive (issuer_id);

CREATE TABLE directive_program (
    directive_id BIGINT NOT NULL,
    program_id   BIGINT NOT NULL,
    PRIMARY KEY (directive_id, program_id),
    CONSTRAINT fk_dp_directive FOREIGN KEY (directive_id) REFERENCES directive (id),
    CONSTRAINT fk_dp_program FOREIGN KEY (program_id) REFERENCES program (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_dp_program ON directive_program (program_id);

CREATE TABLE pilot_model (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    decision_id    BIGINT       NOT NULL,
    number         INT          NOT NULL,
    name           VARCHAR(1000) NOT NULL,
    name_folded    VARCHAR(1000) NOT NULL,
    program_id     BIGINT,
    lead_agency_id BIGINT,
    status         VARCHAR(30)  NOT NULL,
    province_code  VARCHAR(20),
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uk_pilot_model UNIQUE (decision_id, number),
    CONSTRAINT fk_pm_decision FOREIGN KEY (decision_id) REFERENCES directive (id),
    CONSTRAINT fk_pm_program FOREIGN KEY (program_id) REFERENCES program (id),
    CONSTRAINT fk_pm_agency FOREIGN KEY (lead_agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Further decisions that also approve a model (footnote 62 names two plans for the same models).
CREATE TABLE pilot_model_decision (
    pilot_model_id BIGINT NOT NULL,
    directive_id   BIGINT NOT NULL,
    PRIMARY KEY (pilot_model_id, directive_id),
    CONSTRAINT fk_pmd_model FOREIGN KEY (pilot_model_id) REFERENCES pilot_model (id),
    CONSTRAINT fk_pmd_directive FOREIGN KEY (directive_id) REFERENCES directive (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Totals an approving decision declares, per program, to compare with the models entered.
CREATE TABLE pilot_model_declared (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    province_code  VARCHAR(20)  NOT NULL,
    model_set      VARCHAR(80)  NOT NULL,
    decision_id    BIGINT,
    program_code   VARCHAR(40)  NOT NULL,
    total          INT,
    completed      INT,
    in_progress    INT,
    source         VARCHAR(1000),
    CONSTRAINT uk_pm_declared UNIQUE (province_code, model_set, program_code),
    CONSTRAINT fk_pmdecl_decision FOREIGN KEY (decision_id) REFERENCES directive (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE task (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    code            VARCHAR(80)   NOT NULL,
    province_code   VARCHAR(20)   NOT NULL,
    title           VARCHAR(2000) NOT NULL,
    description     TEXT,
    directive_id    BIGINT,
    lead_agency_id  BIGINT        NOT NULL,
    start_on        DATE,
    due_on          DATE,
    due_text        VARCHAR(200),
    due_resolution  VARCHAR(10),
    completed_on    DATE,
    status          VARCHAR(20)   NOT NULL,
    progress        INT           NOT NULL DEFAULT 0,
    result          TEXT,
    origin          VARCHAR(20),
    duplicate_of_id BIGINT,
    pilot_model_id  BIGINT,
    source_doc      VARCHAR(200),
    search_folded   TEXT          NOT NULL,
    -- epoch days of the effective start and due date: health predicates compare them with integer
    -- arithmetic, which is the same SQL on H2 and MySQL (date functions differ).
    start_day       INT,
    due_day         INT,
    last_report_on  DATE,
    version         BIGINT        NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uk_task_code UNIQUE (province_code, code),
    CONSTRAINT fk_task_directive FOREIGN KEY (directive_id) REFERENCES directive (id),
    CONSTRAINT fk_task_lead FOREIGN KEY (lead_agency_id) REFERENCES agency (id),
    CONSTRAINT fk_task_duplicate FOREIGN KEY (duplicate_of_id) REFERENCES task (id),
    CONSTRAINT fk_task_pilot FOREIGN KEY (pilot_model_id) REFERENCES pilot_model (id),
    CONSTRAINT ck_task_progress CHECK (progress BETWEEN 0 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_task_code ON task (code);
CREATE INDEX ix_task_lead_status_due ON task (lead_agency_id, status, due_on);
CREATE INDEX ix_task_directive ON task (directive_id);
CREATE INDEX ix_task_status_due ON task (status, due_on);
CREATE INDEX ix_task_due ON task (due_on);
CREATE INDEX ix_task_pilot ON task (pilot_model_id);
CREATE INDEX ix_task_updated ON task (updated_at);

CREATE TABLE task_coordinator (
    task_id   BIGINT NOT NULL,
    agency_id BIGINT NOT NULL,
    PRIMARY KEY (task_id, agency_id),
    CONSTRAINT fk_tc_task FOREIGN KEY (task_id) REFERENCES task (id),
    CONSTRAINT fk_tc_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_tc_agency ON task_coordinator (agency_id);

CREATE TABLE task_assignee (
    task_id   BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    PRIMARY KEY (task_id, person_id),
    CONSTRAINT fk_ta_task FOREIGN KEY (task_id) REFERENCES task (id),
    CONSTRAINT fk_ta_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_ta_person ON task_assignee (person_id);

CREATE TABLE evidence (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    task_id         BIGINT        NOT NULL,
    title           VARCHAR(1000) NOT NULL,
    document_number VARCHAR(200),
    url             VARCHAR(2000),
    dated_on        DATE,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_evidence_task FOREIGN KEY (task_id) REFERENCES task (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_evidence_task ON evidence (task_id);

CREATE TABLE progress_report (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    task_id      BIGINT       NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    progress     INT          NOT NULL,
    result       TEXT,
    reported_on  DATE         NOT NULL,
    reported_by  VARCHAR(100) NOT NULL,
    reported_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_pr_task FOREIGN KEY (task_id) REFERENCES task (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_pr_task_on ON progress_report (task_id, reported_on);

CREATE TABLE reason_category (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL,
    name_vi    VARCHAR(200) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    sort_order INT          NOT NULL DEFAULT 0,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_reason_category_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO reason_category (code, name_vi, name_en, sort_order) VALUES
 ('INSTITUTIONS', 'Thể chế', 'Institutions', 1),
 ('DATA', 'Dữ liệu', 'Data', 2),
 ('INFRASTRUCTURE', 'Hạ tầng', 'Infrastructure', 3),
 ('SECURITY', 'An ninh, an toàn thông tin', 'Security', 4),
 ('RESOURCES', 'Nguồn lực (kinh phí, nhân lực)', 'Resources (funding, people)', 5),
 ('COORDINATION', 'Phối hợp', 'Coordination', 6),
 ('CENTRAL_DEPENDENCY', 'Chờ Trung ương', 'Waiting on a central body', 7),
 ('VENDOR', 'Nhà cung cấp', 'Vendor', 8),
 ('OTHER', 'Khác', 'Other', 9);

CREATE TABLE annotation (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    task_id      BIGINT        NOT NULL,
    category_id  BIGINT        NOT NULL,
    text         VARCHAR(4000) NOT NULL,
    blocking     BOOLEAN       NOT NULL DEFAULT FALSE,
    raises_risk  BOOLEAN       NOT NULL DEFAULT FALSE,
    resolved     BOOLEAN       NOT NULL DEFAULT FALSE,
    resolution   VARCHAR(4000),
    resolved_by  VARCHAR(100),
    resolved_at  DATETIME(6),
    created_by   VARCHAR(100)  NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_annotation_task FOREIGN KEY (task_id) REFERENCES task (id),
    CONSTRAINT fk_annotation_category FOREIGN KEY (category_id) REFERENCES reason_category (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_annotation_task ON annotation (task_id, resolved, blocking);

CREATE TABLE indicator (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    code          VARCHAR(80)   NOT NULL,
    name          VARCHAR(1000) NOT NULL,
    name_folded   VARCHAR(1000) NOT NULL,
    unit          VARCHAR(20)   NOT NULL,
    direction     VARCHAR(20)   NOT NULL,
    aggregation   VARCHAR(20)   NOT NULL,
    period_type   VARCHAR(10)   NOT NULL,
    decimals      INT           NOT NULL DEFAULT 2,
    min_value     DECIMAL(20,4),
    max_value     DECIMAL(20,4),
    description   VARCHAR(2000),
    built_in      BOOLEAN       NOT NULL DEFAULT FALSE,
    version       BIGINT        NOT NULL DEFAULT 0,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uk_indicator_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE target (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    indicator_id        BIGINT        NOT NULL,
    agency_id           BIGINT,
    period              VARCHAR(20),
    target_value        DECIMAL(20,4) NOT NULL,
    source_directive_id BIGINT,
    source_text         VARCHAR(1000),
    CONSTRAINT fk_target_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
    CONSTRAINT fk_target_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    CONSTRAINT fk_target_directive FOREIGN KEY (source_directive_id) REFERENCES directive (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_target_indicator ON target (indicator_id);

CREATE TABLE observation (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    indicator_id  BIGINT        NOT NULL,
    agency_id     BIGINT        NOT NULL,
    period        VARCHAR(20)   NOT NULL,
    period_type   VARCHAR(10)   NOT NULL,
    period_start  DATE          NOT NULL,
    period_end    DATE          NOT NULL,
    obs_value     DECIMAL(20,4),
    numerator     DECIMAL(20,4),
    denominator   DECIMAL(20,4),
    as_of         DATE          NOT NULL,
    source_doc    VARCHAR(200),
    note          VARCHAR(2000),
    recorded_by   VARCHAR(100)  NOT NULL,
    recorded_at   DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_observation UNIQUE (indicator_id, agency_id, period),
    CONSTRAINT fk_obs_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
    CONSTRAINT fk_obs_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_obs_series ON observation (indicator_id, period_type, period_start, agency_id);

-- Earlier values of an observation: nothing is overwritten silently.
CREATE TABLE observation_revision (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    observation_id BIGINT        NOT NULL,
    obs_value      DECIMAL(20,4),
    numerator      DECIMAL(20,4),
    denominator    DECIMAL(20,4),
    as_of          DATE          NOT NULL,
    source_doc     VARCHAR(200),
    note           VARCHAR(2000),
    recorded_by    VARCHAR(100)  NOT NULL,
    recorded_at    DATETIME(6)   NOT NULL,
    superseded_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_obsrev_observation FOREIGN KEY (observation_id) REFERENCES observation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_obsrev_observation ON observation_revision (observation_id);
