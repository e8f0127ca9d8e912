-- Photos uploaded through the mini-program before the report or progress note that uses them;
-- demand_id is set when a demand takes the photo, so one upload serves one demand only.
CREATE TABLE IF NOT EXISTS media_upload (
  id CHAR(32) NOT NULL PRIMARY KEY,
  person_id BIGINT NOT NULL,
  stored_path VARCHAR(400) NOT NULL,
  content_type VARCHAR(40) NOT NULL,
  size_bytes INT NOT NULL,
  demand_id BIGINT NULL,
  created_at DATETIME(6) NOT NULL,
  KEY ix_upload_person (person_id, created_at),
  CONSTRAINT fk_upload_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_upload_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
