-- The org tree is an ltree of ids; name search uses trigrams. Both ship with PostgreSQL contrib.
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
