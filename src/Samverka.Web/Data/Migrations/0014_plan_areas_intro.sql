-- 0014: the activity plan's introduction to its development areas (seed 004, the text under "5 Utvecklingsområden"
-- before the areas), written by the region like its other sections.

ALTER TABLE activity_plans ADD COLUMN areas_intro text;
