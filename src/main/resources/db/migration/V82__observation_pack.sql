-- Issue 6: one row per indicator x period type x year x agency holding that year's observations
-- packed (vn.tracker.indicator.ObservationPack), so a national weekly series (3,000 agencies x
-- 52 weeks) reads ~3,000 rows instead of ~170,000. Maintained by every observation write in the
-- same transaction; filled for existing observations by V83. No foreign keys: a pack is derived
-- data, and the checks would cost every ingest a look-up per pack.
CREATE TABLE observation_pack (
    indicator_id  BIGINT          NOT NULL,
    period_type   VARCHAR(10)     NOT NULL,
    pack_year     INT             NOT NULL,
    agency_id     BIGINT          NOT NULL,
    payload       VARBINARY(60000) NOT NULL,
    CONSTRAINT pk_observation_pack PRIMARY KEY (indicator_id, period_type, pack_year, agency_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
