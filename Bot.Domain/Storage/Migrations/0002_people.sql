-- A person is anyone the roster knows or WeChat brought in; phone is the roster's key.
CREATE TABLE IF NOT EXISTS person (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(60) NOT NULL,
  phone VARCHAR(20) NULL,
  household_id BIGINT NULL,
  village_id BIGINT NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY ux_person_phone (phone),
  KEY ix_person_household (household_id),
  CONSTRAINT fk_person_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT fk_person_village FOREIGN KEY (village_id) REFERENCES village (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- Roles with their scope: secretary → village, town_officer → town, district_officer → district,
-- unit_officer → responsible_unit, admin → none. Party members lead grids (grid_leader).
CREATE TABLE IF NOT EXISTS person_role (
  person_id BIGINT NOT NULL,
  role VARCHAR(30) NOT NULL,
  scope_id BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (person_id, role, scope_id),
  KEY ix_role_scope (role, scope_id),
  CONSTRAINT fk_role_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS grid_leader (
  grid_id BIGINT NOT NULL PRIMARY KEY,
  person_id BIGINT NOT NULL,
  KEY ix_grid_leader_person (person_id),
  CONSTRAINT fk_leader_grid FOREIGN KEY (grid_id) REFERENCES grid (id),
  CONSTRAINT fk_leader_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
