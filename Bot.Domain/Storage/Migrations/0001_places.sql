-- district ▸ town ▸ village ▸ grid ▸ household (docs/domain.md "Places")
CREATE TABLE IF NOT EXISTS district (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  UNIQUE KEY ux_district_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS town (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  district_id BIGINT NOT NULL,
  name VARCHAR(100) NOT NULL,
  UNIQUE KEY ux_town_name (district_id, name),
  CONSTRAINT fk_town_district FOREIGN KEY (district_id) REFERENCES district (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS village (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  town_id BIGINT NOT NULL,
  name VARCHAR(100) NOT NULL,
  code VARCHAR(40) NOT NULL,
  UNIQUE KEY ux_village_name (town_id, name),
  UNIQUE KEY ux_village_code (code),
  CONSTRAINT fk_village_town FOREIGN KEY (town_id) REFERENCES town (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS grid (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  village_id BIGINT NOT NULL,
  name VARCHAR(100) NOT NULL,
  UNIQUE KEY ux_grid_name (village_id, name),
  CONSTRAINT fk_grid_village FOREIGN KEY (village_id) REFERENCES village (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS household (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  grid_id BIGINT NOT NULL,
  label VARCHAR(100) NOT NULL,
  UNIQUE KEY ux_household_label (grid_id, label),
  CONSTRAINT fk_household_grid FOREIGN KEY (grid_id) REFERENCES grid (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS responsible_unit (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  district_id BIGINT NOT NULL,
  name VARCHAR(100) NOT NULL,
  UNIQUE KEY ux_unit_name (district_id, name),
  CONSTRAINT fk_unit_district FOREIGN KEY (district_id) REFERENCES district (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
