-- Models swapped in by the weekly retrain. Each records the shipped model file it was trained beside:
-- after a deployment ships a new model file, models trained beside the old one are no longer adopted.
CREATE TABLE IF NOT EXISTS classifier_model (
  version CHAR(12) NOT NULL PRIMARY KEY,
  shipped_version CHAR(12) NOT NULL,
  model MEDIUMBLOB NOT NULL,
  cv_macro_f1 DOUBLE NOT NULL,
  examples INT NOT NULL,
  activated_at DATETIME(6) NOT NULL,
  KEY ix_model_shipped (shipped_version, activated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every retrain, swapped or not, with both cross-validated figures.
CREATE TABLE IF NOT EXISTS classifier_retrain (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  started_at DATETIME(6) NOT NULL,
  finished_at DATETIME(6) NOT NULL,
  running_version CHAR(12) NOT NULL,
  running_cv_macro_f1 DOUBLE NULL,
  candidate_version CHAR(12) NULL,
  candidate_cv_macro_f1 DOUBLE NULL,
  examples INT NOT NULL,
  corrections INT NOT NULL,
  outcome VARCHAR(12) NOT NULL,
  KEY ix_retrain_running (running_version, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
