-- 0018: how many evaluation answers of an activity each organiser has read (issue 17: "evaluations with
-- answers to read" on the start page). The evaluation page records the number it showed; the start page
-- counts activities with more answers than that. Only a number per account and activity: nothing about
-- which answers, so nothing about who answered. The app role gets its rights from the runner's grants.

CREATE TABLE evaluation_reads (
    user_id text NOT NULL,
    activity_id integer NOT NULL,
    answers_read integer NOT NULL,
    read_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_evaluation_reads PRIMARY KEY (user_id, activity_id),
    CONSTRAINT fk_evaluation_reads_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES asp_net_users (id) ON DELETE CASCADE,
    CONSTRAINT fk_evaluation_reads_activities_activity_id FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE,
    CONSTRAINT ck_evaluation_reads_answers_read CHECK (answers_read >= 0)
);

CREATE INDEX ix_evaluation_reads_activity_id ON evaluation_reads (activity_id);
