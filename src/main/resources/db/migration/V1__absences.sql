-- Absences (Vertretung): while a user is away, their substitute sees and may do their tasks.
CREATE TABLE ratsweg_absence (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id       VARCHAR(64)  NOT NULL,
    substitute_id VARCHAR(64)  NOT NULL,
    tenant_id     VARCHAR(64)  NOT NULL,
    first_day     DATE         NOT NULL,
    last_day      DATE         NOT NULL,
    note          VARCHAR(500),
    recorded_by   VARCHAR(64)  NOT NULL,
    recorded_at   TIMESTAMP    NOT NULL
);

CREATE INDEX ratsweg_absence_user ON ratsweg_absence (user_id, last_day);
