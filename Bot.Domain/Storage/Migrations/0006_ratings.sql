CREATE TABLE IF NOT EXISTS rating (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  demand_id BIGINT NOT NULL,
  villager_id BIGINT NOT NULL,
  handler_id BIGINT NULL,
  value VARCHAR(20) NOT NULL,
  comment TEXT NULL,
  rated_at DATETIME(6) NOT NULL,
  KEY ix_rating_demand (demand_id),
  KEY ix_rating_handler (handler_id, rated_at),
  CONSTRAINT fk_rating_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
