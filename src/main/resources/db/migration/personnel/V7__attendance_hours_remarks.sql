-- What the attendance import (and a sign-in sheet) says of each attendee beyond being there: the hours they
-- attended (none: the course's hours) and remarks (late, left early, make-up session …).
alter table training_attendance add column hours numeric(5, 1), add column remarks text;
