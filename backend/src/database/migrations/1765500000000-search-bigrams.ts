import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index for two-character words, the commonest length of a Chinese word (停车, 食堂, 宿舍), which the trigram
 * index cannot serve: a two-character word has no trigram inside a longer run of Chinese text, so searching one
 * meant reading proposals in the list's order until the page and the capped count were full, and reading all of
 * them when the word is rare (0.2–0.9 s at 200,000 proposals for a word nobody used).
 *
 * `proposal_text_bigrams(text)` is every pair of adjacent characters of the lower-cased text, once each; the GIN
 * index over the same text as the trigram index (SEARCH_TEXT in app/proposals/visibility.sql.ts, which must stay
 * identical) finds the proposals holding a given pair. `searchCondition` pairs it with an exact `strpos`, so the
 * answer never depends on the index alone.
 */
export class SearchBigrams1765500000000 implements MigrationInterface {
  name = 'SearchBigrams1765500000000';

  async up(q: QueryRunner): Promise<void> {
    // the pairs at odd and at even offsets, from two scans of the text (substr per offset would be quadratic);
    // DISTINCT in "C" order, byte by byte, is 1.8 times cheaper than by the database's collation
    await q.query(`
      CREATE FUNCTION proposal_text_bigrams(t text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT m[1] COLLATE "C"), '{}')
          FROM (SELECT regexp_matches(lower(t), '(..)', 'g')
                UNION ALL SELECT regexp_matches(substr(lower(t), 2), '(..)', 'g')) AS pairs(m)
      $$`);
    await q.query(`CREATE INDEX proposals_text_bigram_idx ON proposals
                   USING gin (proposal_text_bigrams(title || ' ' || background || ' ' || suggestions))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS proposals_text_bigram_idx`);
    await q.query(`DROP FUNCTION IF EXISTS proposal_text_bigrams(text)`);
  }
}
