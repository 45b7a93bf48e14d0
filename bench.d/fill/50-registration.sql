-- Registration burst (./bench scenario "registrering"): one published 50-seat course a month ahead,
-- organised by a library of its own in Uppsala, and 550 active people on that library's staff: 500
-- register at once, then 50 more race 50 cancellations. The bench signs in as the library's manager
-- (an account it makes from the administrator it starts the app with), who may register their staff.
-- Deterministic: the people are numbered; the bench finds the rows by the names below.
BEGIN;

INSERT INTO libraries (name, kind, municipality_code, street_address, postal_code, city, email, website, is_active, created_at, updated_at)
VALUES ('Anmälningsbiblioteket Uppsala', 'Folkbibliotek', '0380', 'Biblioteksgatan 500', '753 00', 'Uppsala',
        'anmalan0380@exempel.se', 'https://exempel.se/bibliotek/0380/anmalan', true, now(), now());

INSERT INTO people (name, email, library_id, role_title, is_active, created_at, updated_at)
SELECT 'Anmälare ' || g, 'anmalare.' || g || '@exempel.se',
       (SELECT id FROM libraries WHERE email = 'anmalan0380@exempel.se'), 'Bibliotekarie', true, now(), now()
FROM generate_series(1, 550) AS g;

INSERT INTO activities (uid, title, kind, description, county_code, organiser_library_id, region_funded, open_to_other_libraries,
                        place, capacity, status, created_at, updated_at)
VALUES (md5('bench-registration')::uuid, 'Populär kurs för hela länet', 'Kurs', 'Kursen som hela länet vill gå.', '03',
        (SELECT id FROM libraries WHERE email = 'anmalan0380@exempel.se'), true, true, 'Uppsala stadsbibliotek', 50, 'Published', now(), now());

INSERT INTO activity_sessions (activity_id, date, start_time, end_time)
SELECT id, current_date + 30, TIME '09:00', TIME '12:00' FROM activities WHERE uid = md5('bench-registration')::uuid;

COMMIT;
