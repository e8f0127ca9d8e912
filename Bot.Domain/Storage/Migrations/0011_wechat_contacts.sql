-- The customer-service allowance each follower opened (§6.1, since mid-2023): a message opens
-- 5 sends for 48 h, a follow, QR scan or menu click 3 sends for 1 min. Kept by the callback,
-- spent by the outbox, so the bot picks a template before the platform answers 45015/45047.
CREATE TABLE IF NOT EXISTS wechat_contact (
  openid VARCHAR(64) NOT NULL PRIMARY KEY,
  message_window_until DATETIME(6) NULL,
  message_sends_left INT NOT NULL DEFAULT 0,
  tap_window_until DATETIME(6) NULL,
  tap_sends_left INT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
