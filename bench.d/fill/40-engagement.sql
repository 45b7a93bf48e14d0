-- Programmes for the engagement pages (/program/{id}/engagemang, /engagemang): one three-year
-- programme per county, ids 1000 + county code (Skåne: 1012), each with three packages,
-- enrolments for about two thirds of the municipalities and a reference group per year.
-- Deterministic: every run benchmarks the same rows.

BEGIN;

INSERT INTO programmes (id, name, start_date, end_date, goal_all_municipalities_reached, created_at, updated_at)
SELECT 1000 + c.code::int, 'Digitalt först i ' || c.short_name, DATE '2018-01-01', DATE '2020-12-31', true, now(), now()
FROM counties c;
SELECT setval(pg_get_serial_sequence('programmes', 'id'), (SELECT max(id) FROM programmes));

INSERT INTO programme_regions (programme_id, county_code)
SELECT 1000 + c.code::int, c.code FROM counties c;

INSERT INTO offerings (programme_id, name, sort_order, max_population, population_year)
SELECT 1000 + c.code::int, o.name, o.n, o.max_population, o.population_year
FROM counties c
CROSS JOIN (VALUES ('Startpaket', 0, NULL::int, NULL::int), ('Folkpaket', 1, NULL, NULL), ('Ledarpaket', 2, 25000, 2019))
    AS o(name, n, max_population, population_year);

CREATE TEMP TABLE bench_engagement_muni ON COMMIT DROP AS
SELECT m.code, m.county_code, row_number() OVER (PARTITION BY m.county_code ORDER BY m.code)::int AS n
FROM municipalities m;

-- A municipality takes package k when (n + k) mod 3 <> 0: two of three packages each.
INSERT INTO enrolments (offering_id, municipality_code, year, created_at)
SELECT o.id, m.code, 2018 + m.n % 3, now()
FROM offerings o
JOIN bench_engagement_muni m ON 1000 + m.county_code::int = o.programme_id
WHERE (m.n + o.sort_order) % 3 <> 0;

INSERT INTO reference_groups (programme_id, year)
SELECT 1000 + c.code::int, y FROM counties c CROSS JOIN generate_series(2018, 2020) AS y;

-- Each year's group: every third municipality of the county, a different third each year.
INSERT INTO reference_group_members (reference_group_id, municipality_code)
SELECT g.id, m.code
FROM reference_groups g
JOIN bench_engagement_muni m ON 1000 + m.county_code::int = g.programme_id
WHERE m.n % 3 = g.year % 3;

COMMIT;
