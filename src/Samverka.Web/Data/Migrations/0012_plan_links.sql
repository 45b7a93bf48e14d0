-- Issue 8, second part: a planned action may also be carried out by an agreement or a self-assessment round.
ALTER TABLE planned_action_links ADD COLUMN agreement_id integer;
ALTER TABLE planned_action_links ADD COLUMN round_id integer;

ALTER TABLE planned_action_links ADD CONSTRAINT fk_planned_action_links_agreements_agreement_id
    FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE;
ALTER TABLE planned_action_links ADD CONSTRAINT fk_planned_action_links_sa_rounds_round_id
    FOREIGN KEY (round_id) REFERENCES sa_rounds (id) ON DELETE CASCADE;

-- Still exactly one target per row, now out of four.
ALTER TABLE planned_action_links DROP CONSTRAINT ck_planned_action_links_one;
ALTER TABLE planned_action_links ADD CONSTRAINT ck_planned_action_links_one
    CHECK (num_nonnulls(activity_id, programme_id, agreement_id, round_id) = 1);

CREATE UNIQUE INDEX ix_planned_action_links_action_agreement ON planned_action_links (action_id, agreement_id) WHERE agreement_id IS NOT NULL;

CREATE UNIQUE INDEX ix_planned_action_links_action_round ON planned_action_links (action_id, round_id) WHERE round_id IS NOT NULL;

CREATE INDEX ix_planned_action_links_agreement_id ON planned_action_links (agreement_id);

CREATE INDEX ix_planned_action_links_round_id ON planned_action_links (round_id);
