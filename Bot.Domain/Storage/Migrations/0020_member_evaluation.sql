-- The monthly evaluation of each party member (docs/jobs.md "Monthly evaluation"), kept so the
-- ledger can show its history. Rates are computed from the counts, not stored twice.
CREATE TABLE IF NOT EXISTS member_evaluation (
  month DATE NOT NULL,
  person_id BIGINT NOT NULL,
  town_id BIGINT NOT NULL,
  handled INT NOT NULL,
  on_time INT NOT NULL,
  rated INT NOT NULL,
  satisfied INT NOT NULL,
  rank_in_town INT NULL,
  ranked_in_town INT NOT NULL,
  warned TINYINT(1) NOT NULL,
  computed_at DATETIME(6) NOT NULL,
  PRIMARY KEY (month, person_id),
  KEY ix_evaluation_person (person_id, month),
  CONSTRAINT fk_evaluation_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
