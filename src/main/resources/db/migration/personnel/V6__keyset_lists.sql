-- The confidentiality agreements, training plans and appraisals are listed newest first in keyset pages: the
-- (date, id) pairs compared row-wise, which these indexes serve without a sort for management's every-party scope.
create index confidentiality_agreement_signed_idx on confidentiality_agreement (signed_on desc, id desc);
create index training_plan_year_idx on training_plan (year desc, id desc);
create index appraisal_period_idx on appraisal (period_to desc, id desc);
