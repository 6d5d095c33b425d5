/**
 * Turns what a user typed into FTS5 match expressions that can never be a syntax error: the
 * words are split on white space, each is quoted (a `"` inside doubled), so `NEAR`, `AND`, `-`,
 * `*`, `:` and parentheses are plain text; the last word is a prefix. Words with no letter or
 * digit (the tokenizer would drop them) are left out.
 */
import { problem, ProblemError } from '../common/problem/problem.js';

const WORDLIKE = /[\p{L}\p{N}]/u;

/** The words of `q` worth searching for; empty when it has none. */
export function searchWords(q: string): string[] {
  return q
    .trim()
    .split(/\s+/u)
    .filter((word) => WORDLIKE.test(word))
    .slice(0, 32);
}

/** One word as an FTS5 string (a phrase of its tokens), a prefix when `prefix`. */
export function ftsPhrase(word: string, prefix: boolean): string {
  return `"${word.replaceAll('"', '""')}"${prefix ? '*' : ''}`;
}

/** Each word's own expression, the last one a prefix. */
export function ftsWords(words: readonly string[]): string[] {
  return words.map((word, at) => ftsPhrase(word, at === words.length - 1));
}

/** Every word must match (FTS5's implicit AND). */
export function ftsAll(words: readonly string[]): string {
  return ftsWords(words).join(' ');
}

/** Any word matches: for ranking a document by the words it holds. */
export function ftsAny(words: readonly string[]): string {
  return ftsWords(words).join(' OR ');
}

/** The words of `q`, or a 400 when it has none (only punctuation or spaces). */
export function wordsOrRefuse(q: string, field = 'q'): string[] {
  const words = searchWords(q);
  if (words.length > 0) return words;
  const message = 'has no word to search for (letters or digits)';
  throw new ProblemError(
    problem(400, 'validation', `${field}: ${message}`, { errors: [{ field, message }] }),
  );
}
