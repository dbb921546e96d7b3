-- 配置管理审核流程 covers more than field edits: where a class requires review, its items' lifecycle moves (retire,
-- dispose…) and the relations they gain or lose also wait for the approval module. A pending change now says what
-- kind of change it is and, for those that are not field edits, what it proposes: the lifecycle to move to, the
-- relation to add (source, target, type, note) or the relation to remove.
alter table ci_pending_change add column kind varchar(20) not null default 'FIELDS'
    check (kind in ('FIELDS', 'LIFECYCLE', 'RELATION_ADDED', 'RELATION_REMOVED'));
alter table ci_pending_change add column proposal jsonb;
alter table ci_pending_change alter column fields drop not null;

-- 低库存提醒: a part's keepers are told once when its total falls below the minimum; the mark is cleared when the
-- stock is back at or above it, so that the next fall tells them again.
alter table ci_spare_part add column low_stock_warned boolean not null default false;
