-- Self-assessment at national scale (./bench scenario "sjalvskattning-aggregat", and bench.d/self-assessment.sh):
-- a round per region in 2030 and 100 000 responses (24 scores each, 2.4 million rows) through the totals
-- trigger (migration 0011), every municipality, with the per-competence sums the app writes with each response.
-- psql -v responses=N changes the volume.
\if :{?responses}
\else
\set responses 100000
\endif
BEGIN;
SELECT setseed(0.2030);
INSERT INTO sa_rounds (name, county_code, instrument_id, opens_on, closes_on, closed_early, regional_token, created_at)
SELECT 'Benchmark ' || code, code, (SELECT min(id) FROM sa_instruments), DATE '2030-03-01', DATE '2030-04-30', false, md5(code || 'bench'), now()
FROM counties;
CREATE TEMP TABLE m AS SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, county_code FROM municipalities;
INSERT INTO sa_responses (id, round_id, municipality_code, library_id, job_title, years_band, organisation_size, competence_sums, competence_counts)
SELECT gen_random_uuid(), r.id, m.code, NULL,
       (ARRAY['Bibliotekarie','Biblioteksassistent','Barn- och ungdomsbibliotekarie','Chef','IT och teknik','Annan'])[1 + floor(random() * 6)::int],
       (ARRAY['0-2','3-5','6-10','11-20','21+'])[1 + floor(random() * 5)::int],
       (ARRAY['1-4','5-19','20-49','50+'])[1 + floor(random() * 4)::int],
       array_fill(0::smallint, ARRAY[21]), array_fill(0::smallint, ARRAY[21])
FROM generate_series(1, :responses) g
JOIN m ON m.i = (g * 7919) % (SELECT count(*) FROM m)
JOIN sa_rounds r ON r.county_code = m.county_code AND r.opens_on = DATE '2030-03-01';
INSERT INTO sa_scores (response_id, item_id, score)
SELECT r.id, i.id, 1 + floor(random() * 7)::int
FROM sa_responses r JOIN sa_rounds ro ON ro.id = r.round_id JOIN sa_items i ON i.instrument_id = ro.instrument_id
WHERE ro.opens_on = DATE '2030-03-01';
-- The per-competence sums and counts the app writes with each response (AssessmentResponse.WithScores).
CREATE TEMP TABLE k AS SELECT code, row_number() OVER (ORDER BY code) AS i
FROM unnest(ARRAY['1.1','1.2','1.3','2.1','2.2','2.3','2.4','2.5','2.6','3.1','3.2','3.3','3.4','4.1','4.2','4.3','4.4','5.1','5.2','5.3','5.4']) code;
UPDATE sa_responses r SET competence_sums = x.sums, competence_counts = x.counts
FROM (SELECT response_id, array_agg(total ORDER BY i) AS sums, array_agg(n ORDER BY i) AS counts
      FROM (SELECT s.response_id, k.i, sum(s.score)::smallint AS total, count(*)::smallint AS n
            FROM sa_scores s JOIN sa_items it ON it.id = s.item_id JOIN k ON k.code = it.competence_code GROUP BY 1, 2) g
      GROUP BY response_id) x
WHERE x.response_id = r.id;
COMMIT;
