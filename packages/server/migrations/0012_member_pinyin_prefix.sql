-- A Latin fragment matches the full pinyin from the start: a prefix index for LIKE under any collation.
CREATE INDEX "member_pinyin_prefix" ON "member" USING btree ("pinyin" text_pattern_ops);