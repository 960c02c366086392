-- Annotation edits keep history (issue 4): each row is the content an edit replaced, with who
-- replaced it and when. Open flagged annotations are looked up per task by the health predicates.
CREATE TABLE annotation_revision (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    annotation_id BIGINT        NOT NULL,
    category_id   BIGINT        NOT NULL,
    text          VARCHAR(4000) NOT NULL,
    blocking      BOOLEAN       NOT NULL,
    raises_risk   BOOLEAN       NOT NULL,
    version       BIGINT        NOT NULL,
    replaced_by   VARCHAR(100)  NOT NULL,
    replaced_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_annrev_annotation FOREIGN KEY (annotation_id) REFERENCES annotation (id),
    CONSTRAINT fk_annrev_category FOREIGN KEY (category_id) REFERENCES reason_category (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_annrev_annotation ON annotation_revision (annotation_id);
