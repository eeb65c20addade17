-- The per-ballot rows, counted into ballot_tally by 0017.
DROP TABLE "ballot" CASCADE;
