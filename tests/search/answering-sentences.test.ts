import { describe, expect, it } from 'vitest';
import { matchQuote } from '../../src/search/answering-sentences.js';
import { expandQuery } from '../../src/search/query-expansion.js';
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

  it('is none for a quote of one sentence, which is all answer', () => {
    expect(matchQuote('Japan agreed to loan Uzbekistan 39 billion yen.', expandQuery('loan Uzbekistan', []), specificity).highlights).toEqual([]);
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

  it('leave names alone', () => {
    expect(synonymExpander(sharedWordNet()).expand([{ word: 'Turkmenistan', term: 'turkmenistan', position: 3 }, { word: 'China', term: 'china', position: 5 }])).toEqual([]);
  });
});
