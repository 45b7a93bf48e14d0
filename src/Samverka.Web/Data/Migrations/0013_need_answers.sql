-- 0013: a need's answer may also be a cooperation agreement (issue 7) or a planned action of a region's
-- activity plan (issue 8), beside activities and offerings (0009).

CREATE TABLE need_agreements (
    need_id integer NOT NULL,
    agreement_id integer NOT NULL,
    met boolean,
    CONSTRAINT pk_need_agreements PRIMARY KEY (need_id, agreement_id),
    CONSTRAINT fk_need_agreements_agreements_agreement_id FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE,
    CONSTRAINT fk_need_agreements_needs_need_id FOREIGN KEY (need_id) REFERENCES needs (id) ON DELETE CASCADE
);

CREATE TABLE need_plan_actions (
    need_id integer NOT NULL,
    planned_action_id integer NOT NULL,
    met boolean,
    CONSTRAINT pk_need_plan_actions PRIMARY KEY (need_id, planned_action_id),
    CONSTRAINT fk_need_plan_actions_needs_need_id FOREIGN KEY (need_id) REFERENCES needs (id) ON DELETE CASCADE,
    CONSTRAINT fk_need_plan_actions_planned_actions_planned_action_id FOREIGN KEY (planned_action_id) REFERENCES planned_actions (id) ON DELETE CASCADE
);

CREATE INDEX ix_need_agreements_agreement_id ON need_agreements (agreement_id);
CREATE INDEX ix_need_plan_actions_planned_action_id ON need_plan_actions (planned_action_id);
