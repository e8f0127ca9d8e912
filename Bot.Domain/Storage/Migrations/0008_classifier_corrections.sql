-- A secretary's re-label, kept as training data for the next model.
CREATE TABLE IF NOT EXISTS classifier_correction (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  demand_id BIGINT NOT NULL,
  text MEDIUMTEXT NOT NULL,
  category VARCHAR(20) NOT NULL,
  colour VARCHAR(10) NOT NULL,
  previous_category VARCHAR(20) NULL,
  previous_colour VARCHAR(10) NULL,
  corrected_by BIGINT NOT NULL,
  corrected_at DATETIME(6) NOT NULL,
  KEY ix_correction_demand (demand_id),
  CONSTRAINT fk_correction_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
