-- Issue 6: observation_pack re-keyed from (indicator, period type, year, agency) to (indicator,
-- period type, period start, block of 128 agency ids). A national ingest call (every commune for
-- two weeks) rewrote ~3,300 year packs (read, lock, rewrite, binlog of each); it now appends to
-- ~60 period packs without reading them, and uploads of different periods share no pack row.
-- V92 (a Java migration, vn.tracker.indicator.ObservationPackBackfill) fills the table again.
DROP TABLE observation_pack;
CREATE TABLE observation_pack (
    indicator_id  BIGINT          NOT NULL,
    period_type   VARCHAR(10)     NOT NULL,
    period_start  DATE            NOT NULL,
    agency_block  BIGINT          NOT NULL,
    payload       VARBINARY(60000) NOT NULL,
    CONSTRAINT pk_observation_pack PRIMARY KEY (indicator_id, period_type, period_start, agency_block)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
