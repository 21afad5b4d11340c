import type { DatePrecision } from '../../src/corpus/types.js';

/**
 * A gold timeline of the five seed documents, written by reading them: every date that dates
 * something that happened or will happen, at the precision the text gives it. Each event names its
 * document and a verbatim piece of its sentence; two events in one sentence differ by date.
 * Dates coordinated in one phrase date one event over the span they cover ("in late November and
 * early December" is 2025-11..2025-12; "polls conducted in 2015 and 2016" is 2015..2016).
 *
 * Judgement calls, so the numbers can be read: a recent stretch dates what happened in it ("the
 * resolution of border disputes … over the last two months"), but longer lengths of time ("over the past 10 years"), vague
 * pointers ("today", "recently") and periods that frame an argument rather than date an event
 * ("the Japanese model … of the 1950s–1970s", "the end of the 21st century") are not events;
 * forecasts with a date ("by 2050, the demand … will increase") and terms of office are.
 */
export interface GoldEvent {
  docId: string;
  /** ISO date at `precision`; `end` for a range. */
  date: string;
  end?: string;
  precision: DatePrecision;
  /** A verbatim piece of the sentence the event is told in. */
  quote: string;
}

/** A date in the text that is not an event: it must never reach the timeline. */
export interface GoldNonEvent {
  docId: string;
  /** The date as written. */
  date: string;
  /** A verbatim piece of the text that holds the date once, to find it. */
  context: string;
  reason: 'citation' | 'access-date' | 'bibliography' | 'dateline' | 'url';
}

const goble = 'goble-2025-05-05-japan-economic-footprint';
const mahmudov = 'mahmudov-2025-why-is-japan-interested-in-central-asia';
const pnn = 'pnn-2025-05-japan-shifts-from-soft-power';
const shamsuddinov = 'shamsuddinov-2026-01-central-asia-in-japans-focus';
const tca = 'tca-2025-08-bridges-not-blocs';

export const goldEvents: GoldEvent[] = [
  // Goble, Eurasia Daily Monitor, 5 May 2025
  // Published 5 May 2025: the last two months are March to May.
  { docId: goble, date: '2025-03', end: '2025-05', precision: 'month', quote: 'The resolution of border disputes in Central Asia over the last two months' },
  { docId: goble, date: '2004-08', precision: 'month', quote: 'formed the Central Asia Plus Japan Dialogue' },
  { docId: goble, date: '2024', precision: 'year', quote: 'Japan agreed to loan Uzbekistan 39 billion Japanese Yen' },
  { docId: goble, date: '2023', end: '2024', precision: 'year', quote: 'Japan invested $42.5 million in the economy of Tajikistan' },
  { docId: goble, date: '2024', precision: 'year', quote: 'capped by a summit meeting between these countries in 2024' },

  // The Times of Central Asia, August 2025
  { docId: tca, date: '2024-08', precision: 'month', quote: 'then Prime Minister Fumio Kishida was scheduled to visit the region' },
  { docId: tca, date: '2025-08-24', precision: 'day', quote: 'landing in Kazakhstan on August 24' },
  { docId: tca, date: '2025-08-28', precision: 'day', quote: 'moving on to Uzbekistan until August 28' },
  { docId: tca, date: '2004', precision: 'year', quote: 'Dialogue format was launched back in 2004' },

  // Shamsuddinov, January 2026: "last year" is 2025
  { docId: shamsuddinov, date: '2025-12-19', end: '2025-12-20', precision: 'day', quote: 'Tokyo hosted the first summit of the Central Asia + Japan Dialogue' },
  { docId: shamsuddinov, date: '2025-07', precision: 'month', quote: 'announced the launch of a Quadrilateral Critical Minerals Initiative' },
  { docId: shamsuddinov, date: '2025-10', precision: 'month', quote: 'Washington and Tokyo also signed an agreement worth $400 billion' },
  { docId: shamsuddinov, date: '2023', precision: 'year', quote: 'At the 2023 Victory Day parade in Moscow' },
  { docId: shamsuddinov, date: '2023', precision: 'year', quote: 'Dushanbe held the CIS and Central Asia–Russia summits' },
  { docId: shamsuddinov, date: '2025-06', precision: 'month', quote: 'China–Central Asia summit held in June last year' },
  { docId: shamsuddinov, date: '2006', precision: 'year', quote: 'The Action Plan for the Central Asia + Japan Dialogue, adopted in 2006' },
  { docId: shamsuddinov, date: '2025-11', end: '2025-12', precision: 'month', quote: 'Attacks on Chinese enterprises in late November' },
  { docId: shamsuddinov, date: '2023', precision: 'year', quote: 'Japan introduced a new security assistance framework' },
  { docId: shamsuddinov, date: '1997', precision: 'year', quote: 'adopted the Silk Road Diplomacy strategy in 1997' },
  { docId: shamsuddinov, date: '2004', precision: 'year', quote: 'launched the Central Asia + Japan Dialogue in 2004' },
  { docId: shamsuddinov, date: '1993', end: '2023', precision: 'year', quote: 'over the first 30 years of its activities (1993–2023)' },

  // Mahmudov, 2025 (a paper; its footnotes and references are apparatus, except narrative footnote 11)
  { docId: mahmudov, date: '1990', end: '1999', precision: 'year', quote: "Japan's entry into Central Asia in the early 1990s" },
  { docId: mahmudov, date: '1990', end: '1999', precision: 'year', quote: 'Since the early 1990s, ODA has become' },
  { docId: mahmudov, date: '1992-12', precision: 'month', quote: 'all five republics were included in the list of developing countries' },
  { docId: mahmudov, date: '1993', precision: 'year', quote: 'The 1993 Blue Book on Diplomacy emphasized' },
  { docId: mahmudov, date: '1990', end: '1999', precision: 'year', quote: 'In the 1990s, Japan, as a financial sponsor' },
  { docId: mahmudov, date: '1997-07', precision: 'month', quote: 'put forward in July 1997 by Prime Minister R. Hashimoto' },
  { docId: mahmudov, date: '1990', end: '1999', precision: 'year', quote: 'individual politicians in Tokyo believed' },
  { docId: mahmudov, date: '1993', precision: 'year', quote: 'If in 1993, ODA to Central Asia was' },
  { docId: mahmudov, date: '1997', precision: 'year', quote: 'If in 1993, ODA to Central Asia was' },
  { docId: mahmudov, date: '1998', precision: 'year', quote: 'If in 1993, ODA to Central Asia was' },
  { docId: mahmudov, date: '1998', precision: 'year', quote: 'in 1998 this figure increased to 2.7%' },
  { docId: mahmudov, date: '1992', precision: 'year', quote: 'intensify its economic policy towards Central Asia back in 1992' },
  { docId: mahmudov, date: '1997', precision: 'year', quote: 'until 1997 there was no solid conceptual basis' },
  { docId: mahmudov, date: '1995', end: '1999', precision: 'year', quote: 'Russia paid closer attention to the possibilities' },
  { docId: mahmudov, date: '1995', precision: 'year', quote: 'in 1995 applied to join APEC' },
  { docId: mahmudov, date: '1998', end: '2000', precision: 'year', quote: 'Obuchi Keizo (1998–2000)' },
  { docId: mahmudov, date: '2000', end: '2001', precision: 'year', quote: 'Mori Yoshiro (2000–2001)' },
  { docId: mahmudov, date: '2001-09-11', precision: 'day', quote: 'following the September 11, 2001 terrorist attacks' },
  { docId: mahmudov, date: '2004', precision: 'year', quote: 'initiated by Tokyo in 2004 with the aim' },
  { docId: mahmudov, date: '2004', precision: 'year', quote: 'This format was initiated in 2004 by the then head' },
  { docId: mahmudov, date: '2015', end: '2016', precision: 'year', quote: 'opinion polls conducted in 2015 and 2016' },
  { docId: mahmudov, date: '2000', end: '2009', precision: 'year', quote: 'In the mid-2000s, Foreign Minister Aso Taro' },
  { docId: mahmudov, date: '2012', precision: 'year', quote: 'After Abe returned to the post of Prime Minister in 2012' },
  { docId: mahmudov, date: '2015', precision: 'year', quote: 'In 2015, Abe made a historic tour' },
  { docId: mahmudov, date: '2018', precision: 'year', quote: 'during a policy speech to parliament in 2018' },
  // Published in 2025 (year known only): the past two years are 2023 to 2025.
  { docId: mahmudov, date: '2023', end: '2025', precision: 'year', quote: 'Japan has adopted several sanctions packages over the past two years' },
  { docId: mahmudov, date: '2022-03-21', precision: 'day', quote: 'МИД России 21 марта 2022 года заявил' },
  { docId: mahmudov, date: '2024-05', precision: 'month', quote: 'In May 2024, at the initiative of the President of Uzbekistan' },
  { docId: mahmudov, date: '2022', precision: 'year', quote: 'in 2022 alone, Japan imported rare earth metals' },
  { docId: mahmudov, date: '2050', precision: 'year', quote: 'by 2050, the demand for freight transportation' },
  { docId: mahmudov, date: '2017', end: '2022', precision: 'year', quote: 'in the period 2017-2022, 280 products were developed' },

  // PNN, May 2025
  { docId: pnn, date: '2025-03', end: '2025-05', precision: 'month', quote: 'the complete resolution of border disputes in Central Asia over the past two months' },
  { docId: pnn, date: '2004', precision: 'year', quote: 'established the “Central Asia + Japan” dialogue platform in 2004' },
  { docId: pnn, date: '2024', precision: 'year', quote: 'a loan of several hundred million dollars to Uzbekistan in 2024' },
  { docId: pnn, date: '2023', end: '2024', precision: 'year', quote: 'a $42.5 million investment in Tajikistan in 2023-24' },
  { docId: pnn, date: '2025-03-31', precision: 'day', quote: 'a comprehensive regional agreement on March 31, 2025' },
  // Published in May 2025 (month known only): two weeks before falls in April or May.
  { docId: pnn, date: '2025-04', end: '2025-05', precision: 'month', quote: 'official visit of Turkmen President Berdi muhamedow to Japan two weeks ago' },
];

export const goldNonEvents: GoldNonEvent[] = [
  { docId: goble, date: '5 May 2025', context: '5 May 2025', reason: 'dateline' },
  { docId: goble, date: 'March 12', context: '(see EDM, March 12, April 16)', reason: 'citation' },
  { docId: goble, date: 'April 16', context: 'March 12, April 16)', reason: 'citation' },
  { docId: goble, date: 'August 28, 2004', context: '(Ministry of Foreign Affairs of Japan, August 28, 2004)', reason: 'citation' },
  { docId: goble, date: 'March 14', context: '(Ministry of Foreign Affairs of Japan, March 14)', reason: 'citation' },
  { docId: goble, date: 'August 13, 2024', context: '(Japan International Cooperation Agency, August 13, 2024)', reason: 'citation' },
  { docId: goble, date: 'August 18, 2024', context: '(Daryo, August 18, 2024;', reason: 'citation' },
  { docId: goble, date: 'May 1', context: 'accessed May 1', reason: 'access-date' },
  { docId: goble, date: 'August 28, 2004', context: '(Japanese Ministry of Foreign Affairs, August 28, 2004;', reason: 'citation' },
  { docId: goble, date: 'February 2019', context: 'Advanced Japanese Studies, February 2019', reason: 'citation' },
  { docId: goble, date: 'August 8, 2024', context: '(The Diplomat, August 8, 2024)', reason: 'citation' },
  { docId: mahmudov, date: '1995', context: '(Watanabe 1995: 40)', reason: 'citation' },
  { docId: mahmudov, date: '2004', context: 'research forum. London, 2004, p. 279.', reason: 'bibliography' },
  { docId: mahmudov, date: '1993', context: '³ Diplomatic bluebook 1993', reason: 'bibliography' },
  { docId: mahmudov, date: '2003', context: 'MIT Press, 2003, pp. 165–186.\n\n⁵', reason: 'bibliography' },
  { docId: mahmudov, date: '20.05.2025', context: '(accessed 20.05.2025)', reason: 'access-date' },
  { docId: mahmudov, date: '16.03.2025', context: 'p4c2s3chart14big.gif> (accessed 16.03.2025)', reason: 'access-date' },
  { docId: mahmudov, date: '24 July 1997', context: 'Corporate Executives, 24 July 1997. URL: <http://japan.kantei.go.jp/0731douyukai.html> (дата обращения: 28.03.2025).\n\nhad', reason: 'bibliography' },
  { docId: mahmudov, date: '28.03.2025', context: '(дата обращения: 28.03.2025).\n\nhad', reason: 'access-date' },
  { docId: mahmudov, date: '2018', context: '⁷ Вестник СПбГУ. Международные отношения. 2018.', reason: 'bibliography' },
  { docId: mahmudov, date: '16.03.2025', context: 'release4e_000718.html (accessed 16.03.2025)', reason: 'access-date' },
  { docId: mahmudov, date: '2007', context: 'Slavic Research Center, 2007. P. 21–26.\n\n¹⁰', reason: 'bibliography' },
  { docId: mahmudov, date: '2018', context: 'МИД Японии 2018 г. URL:\n\n', reason: 'bibliography' },
  { docId: mahmudov, date: '01.02.2025', context: 'bluebook/index.html> (дата обращения: 01.02.2025)', reason: 'access-date' },
  { docId: mahmudov, date: '20240322', context: 'https://ria.ru/20240322/yaponiya-1934830173.html>. (дата', reason: 'url' },
  { docId: mahmudov, date: '01.02.2025', context: 'yaponiya-1934830173.html>. (дата обращения: 01.02.2025)', reason: 'access-date' },
  { docId: mahmudov, date: '2003', context: 'oda/white/2003/image', reason: 'url' },
  { docId: mahmudov, date: '2004', context: 'Central Asia research forum. London, 2004, p. 279.\n3.', reason: 'bibliography' },
  { docId: mahmudov, date: '1993', context: '3. *Diplomatic Bluebook 1993*', reason: 'bibliography' },
  { docId: mahmudov, date: '2003', context: 'MIT Press, 2003, pp. 165–186.\n5.', reason: 'bibliography' },
  { docId: mahmudov, date: '24 July 1997', context: 'Corporate Executives, 24 July 1997. URL: <http://japan.kantei.go.jp/0731douyukai.html> (дата обращения: 28.03.2025).\n8.', reason: 'bibliography' },
  { docId: mahmudov, date: '2018', context: '8. Вестник СПбГУ. Международные отношения. 2018.', reason: 'bibliography' },
  { docId: mahmudov, date: '2007', context: 'Slavic Research Center, 2007. P. 21–26.\n11.', reason: 'bibliography' },
];
