-- Until now a decision's meeting_id was kept as given, with no meetings table to point at. The next
-- migration creates governance_meetings and the foreign key from decisions to it, which a database
-- holding any such value would refuse: no meeting exists yet, so every one is an orphan. The
-- meeting a decision came from is still in its audit events.
UPDATE "governance_decisions" SET "meeting_id" = NULL WHERE "meeting_id" IS NOT NULL;
