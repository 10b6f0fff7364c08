import { DomainError } from '@visita/core';
import type { FastifyInstance } from 'fastify';

/** Deeper than any body the API takes (the deepest is about 5); recursion stays cheap and safe. */
export const MAX_JSON_DEPTH = 32;

interface Problem {
  field: string;
  message: string;
  tooDeep: boolean;
}

const NUL = '\u0000';
const fieldOf = (path: (string | number)[]) => path.join('.') || 'body';

/**
 * Walks a parsed JSON value without recursion: refuses nesting deeper than MAX_JSON_DEPTH and
 * NUL bytes in any key or string (PostgreSQL text and jsonb cannot hold U+0000), including the
 * parts a schema leaves open (`custom_fields`, search `filters`).
 */
export function jsonBodyProblem(value: unknown): Problem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (typeof node === 'string') {
      if (node.includes(NUL))
        return {
          field: fieldOf(path),
          message: `${fieldOf(path)} must not contain NUL characters`,
          tooDeep: false,
        };
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    if (path.length >= MAX_JSON_DEPTH) {
      // The top-level field is named: the full path of 32 levels would say nothing more.
      const field = typeof path[0] === 'string' ? path[0] : 'body';
      return {
        field,
        message: `${field} is nested too deeply (more than ${MAX_JSON_DEPTH} levels)`,
        tooDeep: true,
      };
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key.includes(NUL)) {
        const field = fieldOf([...path, key.replaceAll(NUL, '\\u0000')]);
        return { field, message: `${field}: keys must not contain NUL characters`, tooDeep: false };
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/**
 * The JSON body parser: Fastify's own (prototype-poisoning checks included), then the walk
 * above. Too deep is a 400, a NUL byte a 422, both naming the field in `meta.errors`.
 */
export function registerJsonBodyGuard(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parse(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const problem = jsonBodyProblem(value);
      if (!problem) return done(null, value);
      const code = problem.tooDeep ? 'bad_request' : 'validation_failed';
      done(new DomainError(code, problem.message, problem.field), undefined);
    });
  });
}
