-- A full year (2019) of national-scale data for the yearly report (verksamhetsberättelse): 1 000
-- activities per county with two sessions each, themes and organising libraries, and an activity plan
-- per county (4 development areas × 15 actions, 7 team members with leave, an outcome per area with
-- figure placeholders). Used by tests/Samverka.Tests/ActivityPlans/ReportTimingTests.cs, which times
-- compiling the report; plain SQL so it also fills any other database (psql -f).

BEGIN;

CREATE TEMP TABLE bench_plan_libs ON COMMIT DROP AS
SELECT l.id, m.county_code, row_number() OVER (PARTITION BY m.county_code ORDER BY l.id)::int AS n,
       count(*) OVER (PARTITION BY m.county_code)::int AS total
FROM libraries l JOIN municipalities m ON m.code = l.municipality_code;

INSERT INTO activities (uid, title, kind, county_code, organiser_library_id, region_funded, open_to_other_libraries, capacity, status, created_at, updated_at)
SELECT gen_random_uuid(), 'Benchaktivitet ' || c.code || '-' || n, 'Kompetensdag', c.code,
       (SELECT id FROM bench_plan_libs b WHERE b.county_code = c.code AND b.n = 1 + n % b.total),
       true, true, 30, CASE WHEN n % 20 = 0 THEN 'Cancelled' ELSE 'Published' END, now(), now()
FROM counties c CROSS JOIN generate_series(1, 1000) AS n;

INSERT INTO activity_sessions (activity_id, date, start_time, end_time)
SELECT a.id, DATE '2019-01-01' + ((a.id * 7 + k * 3) % 365), TIME '09:00', TIME '12:00'
FROM activities a CROSS JOIN generate_series(0, 1) AS k
WHERE a.title LIKE 'Benchaktivitet %';

INSERT INTO activity_themes (activity_id, theme_id)
SELECT a.id, 1 + a.id % 7 FROM activities a WHERE a.title LIKE 'Benchaktivitet %' AND EXISTS (SELECT 1 FROM themes t WHERE t.id = 1 + a.id % 7);

INSERT INTO activity_plans (county_code, title, start_date, end_date, vision, values_text, premises, assignment, created_at, updated_at)
SELECT c.code, 'Benchplan 2019', DATE '2019-01-01', DATE '2019-12-31', 'Vision', 'Värdegrund', 'Förutsättningar', 'Uppdrag', now(), now()
FROM counties c;

INSERT INTO development_areas (plan_id, name, sort_order)
SELECT p.id, a.name, a.n
FROM activity_plans p
CROSS JOIN (VALUES (1, 'Bibliotekssamverkan'), (2, 'Folkbibliotekens digitala utveckling'), (3, 'Folkbibliotekens kvalitetsarbete'),
                   (4, 'Läs- och litteraturfrämjande verksamhet')) AS a(n, name)
WHERE p.title = 'Benchplan 2019';

INSERT INTO area_partners (area_id, kind, name, sort_order)
SELECT d.id, 'Municipality', 'Kommunerna', 0 FROM development_areas d JOIN activity_plans p ON p.id = d.plan_id WHERE p.title = 'Benchplan 2019';

INSERT INTO sub_goals (area_id, text, sort_order)
SELECT d.id, 'Delmål ' || k, k FROM development_areas d JOIN activity_plans p ON p.id = d.plan_id CROSS JOIN generate_series(1, 4) AS k
WHERE p.title = 'Benchplan 2019';

INSERT INTO team_members (plan_id, name, responsibility, sort_order)
SELECT p.id, 'Medarbetare ' || k, 'Ansvarsområde ' || k, k FROM activity_plans p CROSS JOIN generate_series(1, 7) AS k WHERE p.title = 'Benchplan 2019';

INSERT INTO team_member_areas (member_id, area_id)
SELECT t.id, d.id FROM team_members t JOIN development_areas d ON d.plan_id = t.plan_id AND d.sort_order = 1 + t.sort_order % 4
JOIN activity_plans p ON p.id = t.plan_id WHERE p.title = 'Benchplan 2019';

INSERT INTO employment_periods (member_id, from_month, to_month, percent, note)
SELECT t.id, DATE '2019-01-01', NULL, 100, NULL FROM team_members t JOIN activity_plans p ON p.id = t.plan_id WHERE p.title = 'Benchplan 2019'
UNION ALL
SELECT t.id, DATE '2019-02-01', DATE '2019-09-01', 0, 'Föräldraledig' FROM team_members t JOIN activity_plans p ON p.id = t.plan_id
WHERE p.title = 'Benchplan 2019' AND t.sort_order % 3 = 0;

INSERT INTO planned_actions (area_id, text, responsible_id, status, planned_from, planned_to, sort_order, updated_at)
SELECT d.id, 'Aktivitet ' || k, (SELECT min(tm.member_id) FROM team_member_areas tm WHERE tm.area_id = d.id),
       (ARRAY['Planned', 'Ongoing', 'Done'])[1 + k % 3], make_date(2019, 1 + k % 12, 1), make_date(2019, least(12, 1 + k % 12 + k % 3), 1), k, now()
FROM development_areas d JOIN activity_plans p ON p.id = d.plan_id CROSS JOIN generate_series(1, 15) AS k
WHERE p.title = 'Benchplan 2019';

INSERT INTO area_outcomes (area_id, year, text, updated_at)
SELECT d.id, 2019, 'Under året genomfördes {{aktiviteter.antal}} aktiviteter med {{tillfallen.antal}} tillfällen i {{kommuner.nadda}} av {{kommuner.totalt}} kommuner. '
       || 'Programmen fick {{program.bidrag}}.', now()
FROM development_areas d JOIN activity_plans p ON p.id = d.plan_id WHERE p.title = 'Benchplan 2019';

COMMIT;
