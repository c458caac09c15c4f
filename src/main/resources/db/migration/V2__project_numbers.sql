-- Project numbers (business keys): one counter per municipality and year: SOEST-2026-0001.
CREATE TABLE ratsweg_project_number (
    prefix       VARCHAR(64) NOT NULL,
    counter_year INTEGER     NOT NULL,
    last_number  INTEGER     NOT NULL,
    PRIMARY KEY (prefix, counter_year)
);
