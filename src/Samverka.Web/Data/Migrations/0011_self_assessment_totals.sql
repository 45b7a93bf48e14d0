-- Issue 6: running totals for the self-assessment aggregates. The national aggregate read every
-- response of a year (100 000 rows: about half a second); it now reads one row per finest group
-- (round, municipality, library, job title, years band), a few hundred rows. A trigger keeps the
-- totals in the same transaction as every insert, update or delete of a response, whoever writes
-- it (the answer page, demo data, tests, the benchmark), so the totals cannot drift from the answers.
-- A totals row holds sums only: nothing in it refers to a person, a response or a time.

CREATE TABLE sa_totals (
    round_id integer NOT NULL,
    municipality_code character varying(4) NOT NULL,
    -- 0 = no library given (a regional link): a key column cannot be NULL.
    library_key integer NOT NULL,
    job_title character varying(40) NOT NULL,
    years_band character varying(20) NOT NULL,
    n integer NOT NULL,
    competence_sums integer[] NOT NULL,
    competence_counts integer[] NOT NULL,
    CONSTRAINT pk_sa_totals PRIMARY KEY (round_id, municipality_code, library_key, job_title, years_band),
    CONSTRAINT fk_sa_totals_sa_rounds_round_id FOREIGN KEY (round_id) REFERENCES sa_rounds (id) ON DELETE CASCADE,
    CONSTRAINT ck_sa_totals_n CHECK (n >= 0),
    CONSTRAINT ck_sa_totals_library_key CHECK (library_key >= 0)
);

-- a + factor * b, element by element (arrays of unequal length: a missing element counts as 0).
CREATE FUNCTION sa_add_arrays(a integer[], b smallint[], factor integer) RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY(SELECT coalesce(x, 0) + factor * coalesce(y, 0) FROM unnest(a, b) WITH ORDINALITY u(x, y, i) ORDER BY i)
$$;

-- Adds (sign 1) or removes (sign -1) one response's sums to its group's row. Removal is a plain
-- UPDATE (an upsert's proposed row would break the CHECK on n); a row left with no responses is
-- deleted, so every row stands for at least one response.
CREATE FUNCTION sa_totals_add(r sa_responses, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF sign > 0 THEN
        INSERT INTO sa_totals AS t (round_id, municipality_code, library_key, job_title, years_band, n, competence_sums, competence_counts)
        VALUES (r.round_id, r.municipality_code, coalesce(r.library_id, 0), r.job_title, r.years_band, 1,
                sa_add_arrays('{}', r.competence_sums, 1), sa_add_arrays('{}', r.competence_counts, 1))
        ON CONFLICT (round_id, municipality_code, library_key, job_title, years_band) DO UPDATE SET
            n = t.n + 1,
            competence_sums = sa_add_arrays(t.competence_sums, r.competence_sums, 1),
            competence_counts = sa_add_arrays(t.competence_counts, r.competence_counts, 1);
    ELSE
        UPDATE sa_totals t SET n = t.n - 1,
            competence_sums = sa_add_arrays(t.competence_sums, r.competence_sums, -1),
            competence_counts = sa_add_arrays(t.competence_counts, r.competence_counts, -1)
        WHERE t.round_id = r.round_id AND t.municipality_code = r.municipality_code AND t.library_key = coalesce(r.library_id, 0)
          AND t.job_title = r.job_title AND t.years_band = r.years_band;
        DELETE FROM sa_totals t
        WHERE t.round_id = r.round_id AND t.municipality_code = r.municipality_code AND t.library_key = coalesce(r.library_id, 0)
          AND t.job_title = r.job_title AND t.years_band = r.years_band AND t.n = 0;
    END IF;
END;
$$;

CREATE FUNCTION sa_totals_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM sa_totals_add(OLD, -1); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM sa_totals_add(NEW, 1); END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER sa_responses_totals AFTER INSERT OR UPDATE OR DELETE ON sa_responses
    FOR EACH ROW EXECUTE FUNCTION sa_totals_trigger();

-- Responses given before this migration: per group and competence index, then one array per group
-- (every response has one element per competence, so the count at any index is the group's n).
INSERT INTO sa_totals (round_id, municipality_code, library_key, job_title, years_band, n, competence_sums, competence_counts)
SELECT round_id, municipality_code, library_key, job_title, years_band, max(n), array_agg(s ORDER BY i), array_agg(q ORDER BY i)
FROM (SELECT r.round_id, r.municipality_code, coalesce(r.library_id, 0) AS library_key, r.job_title, r.years_band, u.i,
             sum(u.s)::int AS s, sum(u.q)::int AS q, count(*)::int AS n
      FROM sa_responses r, unnest(r.competence_sums, r.competence_counts) WITH ORDINALITY u(s, q, i)
      GROUP BY 1, 2, 3, 4, 5, 6) e
GROUP BY 1, 2, 3, 4, 5;
