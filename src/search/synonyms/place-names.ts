import type { PlaceNames } from '../confidence.js';
import { boundedMemo } from '../bounded-memo.js';
import type { WordNet } from './wordnet.js';

/** WordNet's lexicographer file of places (noun.location). */
const locationFile = 15;

interface Place {
  wholes: string[];
  /** The place's other names in WordNet ("US" → united_states, usa, america …), in lower case, words joined by "_". */
  names: string[];
  capital: boolean;
  /** The places a word of a people or language stands for, by WordNet's pertainym ("Chinese" → china). */
  named: string[];
}

const notAPlace: Place = { wholes: [], names: [], capital: false, named: [] };

/**
 * Places by WordNet: what a place is part of ("Tashkent" → Uzbekistan, "Tajikistan" → Asia), its
 * other names ("US" → United States) and whether it is a national capital. Only a name's most frequent sense is read, and only when it is
 * a place, so "May" (a month) or "Turkey" as a bird never count. Each name is looked up once.
 */
export function placeNames(wordnet: WordNet): PlaceNames {
  const remembered = boundedMemo<Place>();
  const place = (name: string): Place => {
    const key = name.toLowerCase();
    return remembered(key, () => readPlace(wordnet, key));
  };
  return { wholesOf: (name) => place(name).wholes, namesOf: (name) => place(name).names, isCapital: (name) => place(name).capital, placesNamedBy: (name) => place(name).named };
}

function readPlace(wordnet: WordNet, key: string): Place {
  const named = placesPertainedTo(wordnet, key);
  const offset = wordnet.synsetsOf(key).find((entry) => entry.pos === 'noun')?.offsets[0];
  const synset = offset === undefined ? null : wordnet.synset('noun', offset);
  if (synset === null || synset.lexicalFile !== locationFile) return { ...notAPlace, named };
  const linked = (symbol: string) => synset.pointers.filter((pointer) => pointer.symbol === symbol).flatMap((pointer) => wordnet.synset(pointer.pos, pointer.offset)?.words ?? []);
  return { wholes: linked('#p'), names: synset.words.map((word) => word.toLowerCase()), capital: linked('@i').includes('national_capital'), named };
}

/** The places the first adjective sense of a word pertains to ("Chinese" → china, "Turkmen" → turkmenistan), in lower case. */
function placesPertainedTo(wordnet: WordNet, key: string): string[] {
  const offset = wordnet.synsetsOf(key, 'adj')[0]?.offsets[0];
  const synset = offset === undefined ? null : wordnet.synset('adj', offset);
  const places = (synset?.pointers ?? []).filter((pointer) => pointer.symbol === '\\' && pointer.pos === 'noun').map((pointer) => wordnet.synset('noun', pointer.offset));
  return places.flatMap((place) => (place !== null && place.lexicalFile === locationFile ? place.words : []));
}
