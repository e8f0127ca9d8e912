-- Messages waiting to be sent; written in the same transaction as the change that caused them.
CREATE TABLE IF NOT EXISTS outbox (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  idempotency_key VARCHAR(190) NOT NULL,
  recipient_id BIGINT NULL,
  recipient_openid VARCHAR(64) NULL,
  kind VARCHAR(40) NOT NULL,
  payload JSON NOT NULL,
  status VARCHAR(20) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(6) NOT NULL,
  last_error VARCHAR(500) NULL,
  channel VARCHAR(20) NULL,
  created_at DATETIME(6) NOT NULL,
  sent_at DATETIME(6) NULL,
  UNIQUE KEY ux_outbox_key (idempotency_key),
  KEY ix_outbox_due (status, next_attempt_at),
  KEY ix_outbox_recipient (recipient_openid, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
