import { editDistanceWithin } from './edit-distance.js';

/**
 * Spelling suggestions for hints: `did you mean "addressSpace"?` after an unknown field, id or failure unit.
 * A word is suggested when its edit distance (case-insensitive) is the smallest and small enough to be a
 * likely typo.
 *
 * The work is bounded whatever the file holds: only words of a length within reach are compared, each
 * comparison stops as soon as it cannot beat the best so far, a word is looked up once however often it is
 * misspelt, and one validation spends at most SPELLING_BUDGET cells of edit distance in all. Past the budget,
 * hints go without suggestions: a file with thousands of unknown names needs the first ones fixed first.
 */

/** Cells of edit distance one validation may spend on suggestions: tens of milliseconds. */
export const SPELLING_BUDGET = 5_000_000;

/** Longer words get no suggestion: they are rarely typos, and each comparison would cost more. */
const LONGEST_WORD = 64;

/** At most this many equally close words are suggested. */
const MOST_SUGGESTED = 3;

interface Entry {
  /** The spelling compared, lower-cased. */
  spelling: string;
  /** The word suggested when the spelling is close. */
  word: string;
  /** Its place in the vocabulary: suggestions are listed in this order. */
  order: number;
}

/** The words a suggestion is chosen from, indexed by length. */
export class Vocabulary {
  private readonly byLength = new Map<number, Entry[]>();

  /** Each word is also suggested for its aliases (a failure unit id for its name without the kind). */
  constructor(
    readonly words: readonly string[],
    aliases: (word: string) => readonly string[] = () => [],
  ) {
    words.forEach((word, order) => {
      for (const spelling of new Set([word, ...aliases(word)])) {
        const entry = { spelling: spelling.toLowerCase(), word, order };
        const same = this.byLength.get(spelling.length);
        if (same) same.push(entry);
        else this.byLength.set(spelling.length, [entry]);
      }
    });
  }

  /** Entries whose spelling is at most `reach` characters longer or shorter than `length`, nearest first. */
  *near(length: number, reach: number): Generator<Entry> {
    yield* this.byLength.get(length) ?? [];
    for (let d = 1; d <= reach; d++) {
      yield* this.byLength.get(length - d) ?? [];
      yield* this.byLength.get(length + d) ?? [];
    }
  }
}

/** Suggests words for one validation, within SPELLING_BUDGET. */
export class Speller {
  private budget = SPELLING_BUDGET;
  private readonly memo = new Map<Vocabulary, Map<string, string | undefined>>();

  /** `did you mean "a" or "b"?` for the words nearest to `word`, or undefined when none is near enough. */
  didYouMean(word: string, vocabulary: Vocabulary): string | undefined {
    let seen = this.memo.get(vocabulary);
    if (!seen) {
      seen = new Map();
      this.memo.set(vocabulary, seen);
    }
    if (!seen.has(word)) seen.set(word, this.lookUp(word, vocabulary));
    return seen.get(word);
  }

  private lookUp(word: string, vocabulary: Vocabulary): string | undefined {
    if (word.length > LONGEST_WORD) return undefined;
    const spelling = word.toLowerCase();
    const closeEnough = Math.max(2, Math.floor(word.length / 3));
    let best = closeEnough;
    let nearest: Entry[] = [];
    for (const entry of vocabulary.near(word.length, closeEnough)) {
      // Once enough words tie at the best distance, only a closer one changes the answer.
      const limit = nearest.length >= MOST_SUGGESTED ? best - 1 : best;
      if (limit < 0) break;
      const cost = (2 * limit + 1) * (spelling.length + 1); // the most editDistanceWithin may spend
      if (cost > this.budget) return undefined;
      this.budget -= cost;
      const d = editDistanceWithin(spelling, entry.spelling, limit);
      if (d > limit) continue;
      if (d < best) {
        best = d;
        nearest = [];
      }
      // A word may come again under an alias.
      if (!nearest.some((n) => n.word === entry.word)) nearest.push(entry);
    }
    if (nearest.length === 0) return undefined;
    const words = nearest.sort((a, b) => a.order - b.order).map((n) => `"${n.word}"`);
    return `did you mean ${words.join(' or ')}?`;
  }
}
