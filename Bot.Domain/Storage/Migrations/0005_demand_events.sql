-- The timeline, one row per event: this table is the ledger.
CREATE TABLE IF NOT EXISTS demand_event (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  demand_id BIGINT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  actor_id BIGINT NULL,
  actor_role VARCHAR(20) NOT NULL,
  status VARCHAR(20) NOT NULL,
  level VARCHAR(10) NOT NULL,
  handler_id BIGINT NULL,
  note TEXT NULL,
  version INT NOT NULL,
  at DATETIME(6) NOT NULL,
  KEY ix_event_demand (demand_id, id),
  KEY ix_event_kind_at (kind, at),
  CONSTRAINT fk_event_demand FOREIGN KEY (demand_id) REFERENCES demand (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
