-- Closed weekly reviews (issue 4): one per ISO week, never edited. `snapshot` is the review exactly
-- as it was shown (JSON); weekly_review_item holds its red/amber tasks for next week's comparison.
CREATE TABLE weekly_review (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    as_of             DATE         NOT NULL,
    week              VARCHAR(10)  NOT NULL,
    overdue_count     INT          NOT NULL,
    at_risk_count     INT          NOT NULL,
    unexplained_count INT          NOT NULL,
    snapshot          LONGTEXT     NOT NULL,
    closed_by         VARCHAR(100) NOT NULL,
    closed_at         DATETIME(6)  NOT NULL,
    CONSTRAINT uk_weekly_review_week UNIQUE (week)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_weekly_review_as_of ON weekly_review (as_of);

CREATE TABLE weekly_review_item (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    review_id        BIGINT       NOT NULL,
    task_id          BIGINT       NOT NULL,
    task_code        VARCHAR(80)  NOT NULL,
    province_code    VARCHAR(20)  NOT NULL,
    lead_agency_code VARCHAR(60)  NOT NULL,
    title            VARCHAR(500) NOT NULL,
    health           VARCHAR(20)  NOT NULL,
    explained        BOOLEAN      NOT NULL,
    CONSTRAINT fk_wri_review FOREIGN KEY (review_id) REFERENCES weekly_review (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_wri_review ON weekly_review_item (review_id);
CREATE INDEX ix_wri_task ON weekly_review_item (task_id);

-- Built-in indicators the closed reviews feed, per lead agency and per province, one value a week:
-- the trend of red and amber is a time series like any other.
INSERT INTO indicator (code, name, name_folded, unit, direction, aggregation, period_type, decimals, description,
                       built_in, version, created_at, updated_at) VALUES
 ('TASKS_OVERDUE', 'Số nhiệm vụ quá hạn', 'so nhiem vu qua han', 'COUNT', 'LOWER_BETTER', 'LAST', 'WEEK', 0,
  'Nhiệm vụ quá hạn chưa hoàn thành, theo giao ban tuần / overdue tasks at each closed weekly review', TRUE, 0,
  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ('TASKS_AT_RISK', 'Số nhiệm vụ có nguy cơ chậm tiến độ', 'so nhiem vu co nguy co cham tien do', 'COUNT',
  'LOWER_BETTER', 'LAST', 'WEEK', 0,
  'Nhiệm vụ có nguy cơ chậm tiến độ, theo giao ban tuần / at-risk tasks at each closed weekly review', TRUE, 0,
  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 ('TASKS_UNEXPLAINED', 'Số nhiệm vụ chưa giải trình lý do', 'so nhiem vu chua giai trinh ly do', 'COUNT',
  'LOWER_BETTER', 'LAST', 'WEEK', 0,
  'Nhiệm vụ quá hạn hoặc có nguy cơ mà chưa có giải trình lý do / red or amber tasks without an open reason', TRUE,
  0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
