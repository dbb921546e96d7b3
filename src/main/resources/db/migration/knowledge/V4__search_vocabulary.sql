-- The search's vocabulary an administrator extends: groups of synonyms (打印机/打印机器, 蓝屏/BSOD), each term finding
-- what the others find; and a user dictionary of words the search keeps whole (a word smartcn would split is then
-- matched as its characters in a row). Applied when a search is made: the index needs no rebuild.
create table knowledge_synonym (
    id         bigint generated always as identity primary key,
    terms      text[]      not null,
    created_by bigint      not null references app_user (id),
    created_at timestamptz not null default now()
);

create table knowledge_dictionary_word (
    id         bigint generated always as identity primary key,
    word       text        not null,
    created_by bigint      not null references app_user (id),
    created_at timestamptz not null default now(),
    constraint knowledge_dictionary_word_once unique (word)
);
