-- A poster's QR code names its house by an unguessable token, not by its sequential id: the
-- public page that turns it into a house name must not be walkable id by id.
ALTER TABLE boarding_houses ADD COLUMN poster_token TEXT;
UPDATE boarding_houses SET poster_token = lower(hex(randomblob(16))) WHERE poster_token IS NULL;
CREATE UNIQUE INDEX boarding_houses_poster_token ON boarding_houses(poster_token);
