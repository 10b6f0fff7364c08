import type { TermsVersionsRepo } from '@visita/core';
import type { Queryable } from '../db';

export function termsVersionsRepo(q: Queryable): TermsVersionsRepo {
  return {
    async keepTermsVersion(version, at) {
      for (const text of version.texts)
        await q.query(
          `INSERT INTO terms_versions(kind, version, language, source, title, body, first_seen_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (kind, version, language) DO NOTHING`,
          [version.kind, version.version, text.language, version.source, text.title, text.body, at],
        );
    },
    async findTermsVersion(kind, version) {
      const rows = await q.query<{
        language: string;
        source: 'operator' | 'default';
        title: string;
        body: string;
        first_seen_at: Date;
      }>(
        `SELECT language, source, title, body, first_seen_at FROM terms_versions
          WHERE kind = $1 AND version = $2 ORDER BY language`,
        [kind, version],
      );
      const first = rows[0];
      if (!first) return null;
      return {
        kind,
        version,
        source: first.source,
        firstSeenAt: rows.reduce(
          (min, r) => (r.first_seen_at < min ? r.first_seen_at : min),
          first.first_seen_at,
        ),
        texts: rows.map((r) => ({ language: r.language, title: r.title, body: r.body })),
      };
    },
  };
}
