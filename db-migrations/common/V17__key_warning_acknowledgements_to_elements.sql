-- Issue 12: an accepted warning belongs to the element it concerns (rule id + element key, e.g.
-- T-5 for site PAR of pool pchat.contoso.local), no longer to a path that several findings of one
-- rule share (T-5 reports each site on pools[n].servers). V10, a Java migration that runs the
-- rules on each topology's latest version, fills the key and then makes it required and unique.
ALTER TABLE warning_acknowledgement ADD element NVARCHAR(400) NULL;
ALTER TABLE warning_acknowledgement DROP CONSTRAINT uq_warning_acknowledgement;
