import { describe, expect, it } from 'vitest';
import { matchQuote, quoteMatcher, quoteReadings, readQuote } from '../../src/search/answering-sentences.js';
import { expandQuery, expandWords, queryWords } from '../../src/search/query-expansion.js';
import { queryTerms } from '../../src/search/query-terms.js';
import { sentenceSpans } from '../../src/search/sentence-spans.js';
import { synonymExpander, synonymTerms, synonymLimits } from '../../src/search/synonyms/synonym-expander.js';
import { sharedWordNet } from '../../src/search/synonyms/wordnet.js';
import { normalizeTerm } from '../../src/search/tokenizer.js';

const passage = 'Japan has long supported the region through grants. In 2024, Japan agreed to loan Uzbekistan 39 billion yen. The loan follows earlier credits.';

describe('sentence spans', () => {
  it('keeps initials, abbreviations and a lower-case continuation inside their sentence', () => {
    const text = 'It was put forward by Prime Minister R. Hashimoto in 1997. Then it faded, e.g. in Tokyo. Площадь 3 882 000 кв. км, население – 80 млн.';
    expect(sentenceSpans(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'It was put forward by Prime Minister R. Hashimoto in 1997.',
      'Then it faded, e.g. in Tokyo.',
      'Площадь 3 882 000 кв. км, население – 80 млн.',
    ]);
  });
});

describe('the answering sentence of a quote', () => {
  const specificity = (source: string) => ({ loan: 3, uzbekistan: 2, '2024': 3, japan: 0.2 })[source] ?? 1;

  it('is the sentence holding the most specific words of the question', () => {
    const terms = expandQuery('How much did Japan loan Uzbekistan in 2024?', []);
    const { highlights } = matchQuote(passage, terms, specificity);
    expect(highlights.map(({ start, end }) => passage.slice(start, end))).toEqual(['In 2024, Japan agreed to loan Uzbekistan 39 billion yen.']);
  });

  it('is the sentence holding a hyphenated name the question writes as one word', () => {
    const quote = 'Serum levels of IL-1 fell. Serum IL-6 rose after surgery.';
    const { highlights } = matchQuote(quote, expandQuery('Does IL6 rise?', []), () => 1);
    expect(highlights.map(({ start, end }) => quote.slice(start, end))).toEqual(['Serum IL-6 rose after surgery.']);
  });

  it('is none for a quote of one sentence, which is all answer', () => {
    expect(matchQuote('Japan agreed to loan Uzbekistan 39 billion yen.', expandQuery('loan Uzbekistan', []), specificity).highlights).toEqual([]);
  });
});

describe('a quote read once', () => {
  const specificity = (source: string) => ({ loan: 3, uzbekistan: 2, '2024': 3, japan: 0.2 })[source] ?? 1;
  const terms = expandQuery('How much did Japan loan Uzbekistan in 2024?', []);

  it('matches as its text does', () => {
    expect(matchQuote(readQuote(passage), terms, specificity)).toEqual(matchQuote(passage, terms, specificity));
  });

  it('is read again for a new version of its document, and kept for the same one', () => {
    const readingOf = quoteReadings();
    const span = { start: 0, end: passage.length };
    const first = { body: passage };
    expect(readingOf(first, span, passage)).toBe(readingOf(first, span, passage));
    const changed = 'Japan agreed to loan Kazakhstan 12 billion yen. Nothing else.';
    expect(readingOf({ body: changed }, span, changed).terms).toEqual(readQuote(changed).terms);
  });

  it('is read again once more quotes were read than it keeps', () => {
    const readingOf = quoteReadings(2);
    const document = { body: passage };
    const kept = readingOf(document, { start: 0, end: 10 }, passage.slice(0, 10));
    readingOf(document, { start: 0, end: 20 }, passage.slice(0, 20));
    readingOf(document, { start: 0, end: 30 }, passage.slice(0, 30));
    expect(readingOf(document, { start: 0, end: 10 }, passage.slice(0, 10))).not.toBe(kept);
  });

  it('matches each of a question\'s quotes with one matcher as it matches each alone', () => {
    const translated = [...terms, { term: 'займ', source: 'loan', weight: 0.5, via: 'russian' as const }];
    const quotes = [passage, 'Россия выдала займ. Займ погашен в 2024 году.', passage];
    const match = quoteMatcher(translated, specificity);
    expect(quotes.map((quote) => match(readQuote(quote)))).toEqual(quotes.map((quote) => matchQuote(quote, translated, specificity)));
    expect(match(passage).matchedInRussian).toEqual([]);
  });

  it('gives each answer highlights of its own, so changing one changes no other', () => {
    const reading = readQuote(passage);
    const first = matchQuote(reading, terms, specificity).highlights;
    first[0]!.start = 99;
    expect(matchQuote(reading, terms, specificity).highlights[0]?.start).not.toBe(99);
  });
});

describe('a question read once', () => {
  it('expands to the same terms from its words as from its text', () => {
    const expander = synonymExpander(sharedWordNet());
    for (const question of ['How much did Japan loan Uzbekistan in 2024?', 'loan loan LOAN to investors', 'the of and']) {
      expect(expandWords(queryWords(question), [expander])).toEqual(expandQuery(question, [expander]));
      expect(expandWords(queryWords(question), [])).toEqual(queryTerms(question));
    }
  });
});

describe('WordNet synonyms and related forms', () => {
  it('widen "lend" to "loan" and "investors" to "invest", below the word itself', () => {
    const wordnet = sharedWordNet();
    expect(synonymTerms(wordnet, 'lend', { ...synonymLimits, senses: 2 }).map(({ term }) => term)).toContain(normalizeTerm('loan'));
    expect(synonymTerms(wordnet, 'investors', synonymLimits)).toContainEqual({ term: normalizeTerm('invest'), via: 'related' });
    const added = synonymExpander(wordnet).expand([{ word: 'cargo', term: 'cargo', position: 2 }]);
    expect(added).toContainEqual({ term: normalizeTerm('freight'), source: 'cargo', weight: synonymLimits.weight, via: 'synonym' });
  });

  it('read a verb phrase over the stop word after it: "travelled to" finds "visit", "put forward" the verb it is a way of, "propose"', () => {
    const expander = synonymExpander(sharedWordNet());
    const added = (question: string) => expander.expand(queryWords(question));
    expect(added('Which leader travelled to Japan?')).toContainEqual({ term: normalizeTerm('visit'), source: 'travel', weight: synonymLimits.phrases?.weight, via: 'synonym' });
    expect(added('What did the leader put forward?').map(({ term }) => term)).toContain(normalizeTerm('propose'));
    // A comma ends the phrase.
    expect(added('Which leader travelled, to Japan?').map(({ term }) => term)).not.toContain(normalizeTerm('visit'));
  });

  it('read an "-ed" form WordNet lists only as an adjective also as the verb: "backed" finds "support"', () => {
    expect(synonymTerms(sharedWordNet(), 'backed', synonymLimits).map(({ term }) => term)).toContain(normalizeTerm('support'));
  });

  it('leave names alone', () => {
    expect(synonymExpander(sharedWordNet()).expand([{ word: 'Turkmenistan', term: 'turkmenistan', position: 3 }, { word: 'China', term: 'china', position: 5 }])).toEqual([]);
  });
});
