CREATE TABLE IF NOT EXISTS demand (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(20) NOT NULL,
  villager_id BIGINT NOT NULL,
  village_id BIGINT NULL,
  household_id BIGINT NULL,
  text MEDIUMTEXT NOT NULL,
  latitude DECIMAL(9,6) NULL,
  longitude DECIMAL(9,6) NULL,
  location_label VARCHAR(200) NULL,
  category VARCHAR(20) NULL,
  colour VARCHAR(10) NULL,
  confidence DOUBLE NULL,
  model_version VARCHAR(40) NULL,
  status VARCHAR(20) NOT NULL,
  level VARCHAR(10) NOT NULL,
  handler_id BIGINT NULL,
  unit_id BIGINT NULL,
  deadline_at DATETIME(6) NULL,
  version INT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  UNIQUE KEY ux_demand_code (code),
  KEY ix_demand_villager (villager_id, status),
  KEY ix_demand_handler (handler_id, status, deadline_at),
  KEY ix_demand_village (village_id, status, created_at),
  CONSTRAINT fk_demand_villager FOREIGN KEY (villager_id) REFERENCES person (id),
  CONSTRAINT fk_demand_handler FOREIGN KEY (handler_id) REFERENCES person (id),
  CONSTRAINT fk_demand_unit FOREIGN KEY (unit_id) REFERENCES responsible_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- Per-day sequence behind codes like D20261121-0042 (local date, Asia/Shanghai).
CREATE TABLE IF NOT EXISTS demand_code_counter (
  day DATE NOT NULL PRIMARY KEY,
  last_number INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS demand_photo (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  demand_id BIGINT NOT NULL,
  media_id VARCHAR(128) NULL,
  stored_path VARCHAR(400) NULL,
  purpose VARCHAR(20) NOT NULL,
  added_by BIGINT NOT NULL,
  added_at DATETIME(6) NOT NULL,
  KEY ix_photo_demand (demand_id),
  CONSTRAINT fk_photo_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
