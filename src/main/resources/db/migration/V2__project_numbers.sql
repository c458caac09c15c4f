-- Project numbers (Aktenzeichen of a project, its business key): one counter per municipality,
-- starting again at 1 every year: SOEST-2026-0001.
CREATE TABLE ratsweg_project_number (
    prefix      VARCHAR(64) NOT NULL PRIMARY KEY,
    counter_year INTEGER    NOT NULL,
    last_number INTEGER     NOT NULL
);
