"""The library's schema as an ordered list of migrations.

`PRAGMA user_version` is the number of migrations applied. Migration N (1-based) is
`MIGRATIONS[N - 1]`; each runs in its own transaction together with the version bump, so a
crash leaves the database at N - 1 or N, never in between. Never edit a released migration:
append a new one.
"""

from __future__ import annotations

# "BSHT": marks an SQLite file as a Broadsheet library (PRAGMA application_id).
APPLICATION_ID = 0x42534854

# unicode61 folds case and diacritics; the `prefix` indexes make 2- to 4-letter prefixes
# (what a user has typed of the last word) a single doclist read instead of a merge of
# every matching term. They are half the full-text index, and they pay: at 100,000 articles
# with only the 2-letter one, the 3- and 4-letter keystrokes ("pre", "chin") took 25-50 ms
# and the search p95 went from ~7 to 48 ms (bench/README.md, "Disk").
FTS_TOKENIZE = "unicode61 remove_diacritics 2"

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: articles, their text, and the full-text index over title, body and source.
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            published TEXT,
            url TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'en',
            title_derived INTEGER NOT NULL DEFAULT 0,
            content_hash TEXT NOT NULL UNIQUE,
            read INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            added TEXT NOT NULL,
            word_count INTEGER NOT NULL DEFAULT 0
        )
        """,
        # Bodies live apart so that list queries never read them.
        """
        CREATE TABLE article_text (
            id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            blocks TEXT NOT NULL DEFAULT '[]'
        )
        """,
        "CREATE INDEX articles_by_date ON articles(published DESC, id DESC)",
        """
        CREATE VIEW article_fts_source AS
        SELECT a.id AS id, a.title AS title, t.body AS body, a.source AS source
        FROM articles AS a JOIN article_text AS t ON t.id = a.id
        """,
        f"""
        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, body, source,
            content='article_fts_source', content_rowid='id',
            tokenize='{FTS_TOKENIZE}', prefix='2 3 4'
        )
        """,
    ),
    # 2: the analysis cache, the entity names it found (for person:/place:/org: filters),
    # and indexes for the unread/starred views.
    (
        """
        CREATE TABLE analyses (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            data TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE entities (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (article_id, kind, name)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX entities_by_name ON entities(kind, name COLLATE NOCASE)",
        # One row per analysed article (rowid = article id), names of each kind joined.
        f"CREATE VIRTUAL TABLE entity_fts USING fts5(person, place, org, tokenize='{FTS_TOKENIZE}')",
        "CREATE INDEX articles_unread ON articles(read, published DESC, id DESC)",
        "CREATE INDEX articles_starred ON articles(starred, published DESC, id DESC)",
    ),
    # 3: feed subscriptions: where each feed lives, and what its last fetch said (the
    # ETag and Last-Modified a conditional fetch sends back, the error, how many it added).
    (
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            location TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            site TEXT NOT NULL DEFAULT '',
            etag TEXT NOT NULL DEFAULT '',
            modified TEXT NOT NULL DEFAULT '',
            added TEXT NOT NULL,
            last_fetched TEXT,
            last_error TEXT NOT NULL DEFAULT '',
            last_added INTEGER NOT NULL DEFAULT 0
        )
        """,
    ),
    # 4: how many articles, unread and starred, kept by triggers: the app shows them from its
    # first frame, and count(*) over 100,000 rows took ~50 ms on a cold cache.
    (
        """
        CREATE TABLE article_counts (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            total INTEGER NOT NULL,
            unread INTEGER NOT NULL,
            starred INTEGER NOT NULL
        )
        """,
        """
        INSERT INTO article_counts
        SELECT 1, count(*), coalesce(sum(read = 0), 0), coalesce(sum(starred != 0), 0)
        FROM articles
        """,
        """
        CREATE TRIGGER article_counts_insert AFTER INSERT ON articles BEGIN
            UPDATE article_counts SET total = total + 1, unread = unread + (NEW.read = 0),
                starred = starred + (NEW.starred != 0);
        END
        """,
        """
        CREATE TRIGGER article_counts_delete AFTER DELETE ON articles BEGIN
            UPDATE article_counts SET total = total - 1, unread = unread - (OLD.read = 0),
                starred = starred - (OLD.starred != 0);
        END
        """,
        """
        CREATE TRIGGER article_counts_flags AFTER UPDATE OF read, starred ON articles BEGIN
            UPDATE article_counts SET unread = unread + (NEW.read = 0) - (OLD.read = 0),
                starred = starred + (NEW.starred != 0) - (OLD.starred != 0);
        END
        """,
    ),
    # 5: when a feed's server asked (HTTP 429/503 Retry-After) not to be tried before (UTC
    # ISO time, "" for never): updates skip that server until then.
    ("ALTER TABLE feeds ADD COLUMN retry_after TEXT NOT NULL DEFAULT ''",),
    # 6: which article each feed entry (guid, else link) became: a re-published entry
    # updates its article instead of adding a second one.
    (
        """
        CREATE TABLE feed_entries (
            feed TEXT NOT NULL,
            entry_key TEXT NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (feed, entry_key)
        ) WITHOUT ROWID
        """,
    ),
    # 7: feeds whose new entries are read in full: each entry's link is fetched and its
    # page's main text replaces the feed's summary (kept when the page cannot be read).
    ("ALTER TABLE feeds ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0",),
    # 8: stories: the features each article was matched by (of an analyser version), the
    # story each article belongs to (the id of the article that started it), the stories that
    # lost a member and must re-form, and the words' document frequencies (IDF).
    (
        """
        CREATE TABLE story_features (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            data TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE story_members (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL
        )
        """,
        "CREATE INDEX story_members_by_story ON story_members(story_id, article_id)",
        "CREATE TABLE stories_dirty (story_id INTEGER PRIMARY KEY)",
        """
        CREATE TRIGGER story_members_delete AFTER DELETE ON story_members BEGIN
            INSERT OR IGNORE INTO stories_dirty (story_id) VALUES (OLD.story_id);
        END
        """,
        # In how many articles' features each word is (the IDF of story matching), kept by
        # triggers from the features' JSON.
        "CREATE TABLE story_df (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE story_df_total (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)",
        "INSERT INTO story_df_total VALUES (1, 0)",
        """
        CREATE TRIGGER story_features_insert AFTER INSERT ON story_features BEGIN
            INSERT INTO story_df (term, doc)
                SELECT key, 1 FROM json_each(NEW.data, '$.terms') WHERE true
                ON CONFLICT (term) DO UPDATE SET doc = doc + 1;
            UPDATE story_df_total SET n = n + 1;
        END
        """,
        """
        CREATE TRIGGER story_features_delete AFTER DELETE ON story_features BEGIN
            UPDATE story_df SET doc = doc - 1
                WHERE term IN (SELECT key FROM json_each(OLD.data, '$.terms'));
            UPDATE story_df_total SET n = n - 1;
        END
        """,
        """
        CREATE TRIGGER story_features_update AFTER UPDATE OF data ON story_features BEGIN
            UPDATE story_df SET doc = doc - 1
                WHERE term IN (SELECT key FROM json_each(OLD.data, '$.terms'));
            INSERT INTO story_df (term, doc)
                SELECT key, 1 FROM json_each(NEW.data, '$.terms') WHERE true
                ON CONFLICT (term) DO UPDATE SET doc = doc + 1;
        END
        """,
    ),
    # 9: each story's profile (its members' centroid, names, days, dates) and the keys it is
    # found by (its heaviest words and common names, with its last date so that a look-up
    # reads only stories within the time window). Stories of migration 8 have none: their
    # features' version is stale, so the next `reform` re-forms them all.
    (
        """
        CREATE TABLE story_profiles (
            story_id INTEGER PRIMARY KEY,
            data TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE story_keys (
            key TEXT NOT NULL,
            last TEXT NOT NULL,
            story_id INTEGER NOT NULL,
            PRIMARY KEY (key, last, story_id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX story_keys_by_story ON story_keys(story_id)",
    ),
    # 10: a smaller file: the analyses are stored packed (zlib of compact JSON,
    # `analysis_pack`, a function every connection of the library has; a quarter of the
    # size). Freed pages go back to the file system (incremental vacuum, switched on by
    # `Library._migrate`). The full-text index never stored the text (its content is the
    # articles tables).
    ("UPDATE analyses SET data = analysis_pack(data) WHERE typeof(data) = 'text'",),
    # 11: the stories' features and profiles packed as the analyses are (at 2,000 articles
    # they were 10.4 of the file's 27 MB as JSON, 3.3 packed: bench/README.md, "Disk"). The
    # document-frequency triggers read the packed words through `json_unpack`; they are
    # dropped while the rows are packed, which changes no word's count. A story's keys are
    # removed by their whole primary key (the keys of its stored profile), so the index of
    # keys by story (0.9 MB at 2,000 articles) goes.
    (
        "DROP INDEX story_keys_by_story",
        "DROP TRIGGER story_features_insert",
        "DROP TRIGGER story_features_delete",
        "DROP TRIGGER story_features_update",
        "UPDATE story_features SET data = analysis_pack(data) WHERE typeof(data) = 'text'",
        "UPDATE story_profiles SET data = analysis_pack(data) WHERE typeof(data) = 'text'",
        """
        CREATE TRIGGER story_features_insert AFTER INSERT ON story_features BEGIN
            INSERT INTO story_df (term, doc)
                SELECT key, 1 FROM json_each(json_unpack(NEW.data), '$.terms') WHERE true
                ON CONFLICT (term) DO UPDATE SET doc = doc + 1;
            UPDATE story_df_total SET n = n + 1;
        END
        """,
        """
        CREATE TRIGGER story_features_delete AFTER DELETE ON story_features BEGIN
            UPDATE story_df SET doc = doc - 1
                WHERE term IN (SELECT key FROM json_each(json_unpack(OLD.data), '$.terms'));
            UPDATE story_df_total SET n = n - 1;
        END
        """,
        """
        CREATE TRIGGER story_features_update AFTER UPDATE OF data ON story_features BEGIN
            UPDATE story_df SET doc = doc - 1
                WHERE term IN (SELECT key FROM json_each(json_unpack(OLD.data), '$.terms'));
            INSERT INTO story_df (term, doc)
                SELECT key, 1 FROM json_each(json_unpack(NEW.data), '$.terms') WHERE true
                ON CONFLICT (term) DO UPDATE SET doc = doc + 1;
        END
        """,
    ),
    # 12: the articles the analyser failed on, with its version and why (one line): such an
    # article is not retried until the analyser's version changes.
    (
        """
        CREATE TABLE analysis_failures (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            error TEXT NOT NULL
        )
        """,
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)
