/**
 * Questions an analyst would ask of the five seed documents, each with the passage that must
 * be found. A passage is named by its document and a distinctive piece of its text; `also`
 * lists passages of other sources that state the same fact and count as a hit too (PNN
 * retells Goble, so several facts are in both). The questions are worded the way someone who
 * has not read the passage would ask, not with its words.
 */
export interface RankingQuestion {
  question: string;
  expected: ExpectedPassage;
  also?: ExpectedPassage[];
  /** Why this passage must win. */
  why: string;
}

export interface ExpectedPassage {
  docId: string;
  contains: string;
}

const goble = 'goble-2025-05-05-japan-economic-footprint';
const mahmudov = 'mahmudov-2025-why-is-japan-interested-in-central-asia';
const pnn = 'pnn-2025-05-japan-shifts-from-soft-power';
const shamsuddinov = 'shamsuddinov-2026-01-central-asia-in-japans-focus';
const tca = 'tca-2025-08-bridges-not-blocs';

export const rankingSet: RankingQuestion[] = [
  // Goble
  {
    question: 'How large was the yen loan Tokyo agreed to give Uzbekistan in 2024?',
    expected: { docId: goble, contains: '39 billion Japanese Yen' },
    also: [{ docId: pnn, contains: 'a loan of several hundred million dollars to Uzbekistan' }],
    why: 'Only Goble gives the amount in yen; PNN mentions the same loan in dollars.',
  },
  {
    question: 'Which Kazakh politician co-founded the dialogue with Tokyo, and what office did he hold at the time?',
    expected: { docId: goble, contains: 'who was then Kazakhstan’s foreign minister' },
    also: [{ docId: pnn, contains: 'then Foreign Minister and current President of Kazakhstan' }],
    why: 'Tokayev as foreign minister then, president now, appears only where the founding is told.',
  },
  {
    question: 'Did the soft power aid give Japan real economic weight in the region?',
    expected: { docId: goble, contains: 'expanded Japan’s influence but not its economic footprint' },
    also: [{ docId: mahmudov, contains: 'Despite its significant presence as a donor' }],
    why: 'The passage judges the outcome of the soft power projects: influence, not economic footprint; Mahmudov says the same of the donor: not a main trading partner, investment modest.',
  },
  {
    question: 'Which projects did Japanese grants pay for in Tajikistan besides student scholarships?',
    expected: { docId: goble, contains: 'road maintenance and solar energy installation projects' },
    also: [{ docId: pnn, contains: 'solar energy, improvement of Dushanbe airport' }],
    why: 'The grant aid list to Tajikistan (roads, solar, Dushanbe airport, scholarships).',
  },
  {
    question: 'What settled issue prompted Tokyo to change its Central Asia strategy in spring 2025?',
    expected: { docId: goble, contains: 'The resolution of border disputes in Central Asia' },
    also: [
      { docId: pnn, contains: 'complete resolution of border disputes' },
      { docId: pnn, contains: 'With border stability in Central Asia established' },
      { docId: pnn, contains: 'this major obstacle has been largely removed' },
    ],
    why: 'The resolution of border disputes is given as the cause of the change of approach; PNN also says the border agreements (31 March 2025) removed the main reason for Tokyo\'s caution.',
  },
  // Mahmudov
  {
    question: "What was Japan's ODA to Uzbekistan in 2019?",
    expected: { docId: mahmudov, contains: '412,69' },
    why: 'The 2019 row of the ODA table; only its column headers say which figure is Uzbekistan.',
  },
  {
    question: 'How much development aid did Tajikistan receive from Japan in 2018?',
    expected: { docId: mahmudov, contains: '37,89' },
    why: 'The 2018 row of the ODA table holds the Tajikistan figure for that year.',
  },
  {
    question: 'How fast did Japanese assistance to the region grow between 1993 and 1998?',
    expected: { docId: mahmudov, contains: 'ODA to Central Asia was \\$2.57 million' },
    why: 'The only passage with the 1993, 1997 and 1998 ODA amounts and shares.',
  },
  {
    question: 'Which Japanese leader announced the Eurasian diplomacy doctrine in 1997?',
    expected: { docId: mahmudov, contains: 'put forward in July 1997 by Prime Minister R. Hashimoto' },
    why: 'Names Hashimoto and dates the concept to July 1997.',
  },
  {
    question: 'Did the Great Silk Road programme include help with nuclear security?',
    expected: { docId: mahmudov, contains: '3) assistance in maintaining nuclear safety' },
    why: 'The third point of the Silk Road diplomacy list is about nuclear safety.',
  },
  {
    question: 'How much did people in Central Asia trust Japan according to surveys in 2015 and 2016?',
    expected: { docId: mahmudov, contains: 'ranked second' },
    why: 'The opinion poll result (second, 14%, behind Russia) is only in this passage.',
  },
  {
    question: 'Who came up with the Arc of Freedom and Prosperity idea?',
    expected: { docId: mahmudov, contains: 'Foreign Minister Aso Taro' },
    why: 'Names Aso Taro, Yachi Shotaro and Kanehara Nobukatsu as its authors.',
  },
  {
    question: 'In which year did Abe tour every Central Asian republic?',
    expected: { docId: mahmudov, contains: 'In 2015, Abe made a historic tour' },
    why: 'The 2015 tour of all five republics is only mentioned here.',
  },
  {
    question: 'Какова общая площадь и население стран Центральной Азии?',
    expected: { docId: mahmudov, contains: '¹ Общая территория государств региона' },
    also: [{ docId: mahmudov, contains: '1. Общая территория государств региона' }],
    why: 'Footnote 1 (and its copy in the reference list) gives the area and population, in Russian.',
  },
  {
    question: 'Почему Москва прекратила переговоры с Японией о мирном договоре?',
    expected: { docId: mahmudov, contains: '¹¹ После того как Япония приняла' },
    also: [{ docId: mahmudov, contains: '12. После того как Япония приняла' }],
    why: 'Footnote 11 (and reference 12) explain the Russian reply to Japanese sanctions.',
  },
  {
    question: 'What was the value of rare earth metals Japan bought abroad in 2022?',
    expected: { docId: mahmudov, contains: 'Japan imported rare earth metals worth' },
    why: 'The $628 million import figure for 2022.',
  },
  {
    question: 'What did the one village one product scheme achieve in Kyrgyzstan?',
    expected: { docId: mahmudov, contains: '280 products were developed in Kyrgyzstan' },
    why: 'Products, jobs and export contracts of the JICA programme are only here.',
  },
  {
    question: 'How much warmer could Central Asia get by the end of the century?',
    expected: { docId: mahmudov, contains: 'the increase will be **7 degrees**' },
    why: 'The World Bank projection of 7 degrees for Central Asia.',
  },
  {
    question: 'How many glacial lakes are in danger of bursting?',
    expected: { docId: mahmudov, contains: '300 high-mountain lakes' },
    why: 'The 300 high-mountain lakes at risk of breaking through.',
  },
  {
    question: 'Who led the Japanese government when Tokyo backed the US campaign in Afghanistan?',
    expected: { docId: mahmudov, contains: 'Koizumi began to actively support the US in Afghanistan' },
    also: [{ docId: mahmudov, contains: 'leadership of Junichiro Koizumi' }],
    why: 'Koizumi and the support for the US in Afghanistan; the sentence is split over a page break.',
  },
  {
    question: 'Whose meeting gave foreign minister Kawaguchi the idea for the Central Asia format?',
    expected: { docId: mahmudov, contains: 'after a meeting with Japanese official Tanaka Tetsuji' },
    why: 'Only this passage tells how the format was initiated and by whom.',
  },
  {
    question: 'Why did the Central Asia plus Japan format stay mostly symbolic?',
    expected: { docId: mahmudov, contains: 'has become more of an umbrella' },
    also: [
      { docId: mahmudov, contains: 'The format\'s agenda did not correspond' },
      { docId: mahmudov, contains: 'not inclined towards regional integration' },
      { docId: mahmudov, contains: 'prevented the Japanese side from turning the format' },
    ],
    why: 'The passage says the dialogue became a formal event rather than an institution, and its list says why.',
  },
  {
    question: 'How much will global freight demand rise by mid-century according to the UN?',
    expected: { docId: mahmudov, contains: 'will increase threefold' },
    why: 'The UN estimate for 2050 freight demand.',
  },
  {
    question: 'What counter-extremism council did Uzbekistan create with the United Nations?',
    expected: { docId: mahmudov, contains: 'Regional Expert Council (REC)' },
    why: 'The Regional Expert Council on rehabilitation and reintegration, set up in May 2024.',
  },
  {
    question: 'When were the five republics put on the list of countries eligible for development aid?',
    expected: { docId: mahmudov, contains: 'in early December 1992' },
    why: 'Tokyo had them listed as developing countries in December 1992 so aid could count as ODA.',
  },
  {
    question: 'What phrase did Abe use for ties with Russia in his 2018 address to parliament?',
    expected: { docId: mahmudov, contains: 'bilateral ties with the greatest potential' },
    why: 'The 2018 policy speech is quoted only here.',
  },
  {
    question: 'How did the Russian ambassador sum up the damage to Russia–Japan relations?',
    expected: { docId: mahmudov, contains: 'This is the point of no return' },
    also: [
      { docId: mahmudov, contains: '¹² Интервью посла России в Японии' },
      { docId: mahmudov, contains: '13. Интервью посла России' },
    ],
    why: 'The ambassador\'s quotation ends with "the point of no return"; footnote 12 (and its copy, reference 13) names him and gives his "lowest level".',
  },
  {
    question: 'Which country does Tokyo now treat as its key partner in the region after the war in Ukraine?',
    expected: { docId: mahmudov, contains: 'Uzbekistan, as the most stable and economically developed country' },
    why: 'Names Uzbekistan as Japan\'s key ally in the context of the Ukraine war.',
  },
  // Shamsuddinov
  {
    question: 'When did Tokyo hold the first leaders\' summit with the five Central Asian states?',
    expected: { docId: shamsuddinov, contains: 'On 19–20 December last year' },
    why: 'Dates the first summit of the Central Asia + Japan Dialogue.',
  },
  {
    question: 'How much money did Takaichi pledge for private-sector projects over five years?',
    expected: { docId: shamsuddinov, contains: 'approximately $20 billion' },
    why: 'The $20 billion over the next five years announced at the summit.',
  },
  {
    question: 'How dependent is Japan on Chinese supplies of critical minerals?',
    expected: { docId: shamsuddinov, contains: 'roughly 60% of Japan’s needs' },
    why: 'China supplies about 60% of Japan\'s needs; the passage is about Japan\'s vulnerability.',
  },
  {
    question: 'How many Tajik officials get JICA scholarships every year?',
    expected: { docId: shamsuddinov, contains: 'JICA provides 15 scholarships' },
    why: 'Fifteen scholarships a year and training for about 100 participants.',
  },
  {
    question: 'What was the total value of JICA projects in Tajikistan during its first three decades?',
    expected: { docId: shamsuddinov, contains: '$427.4 million' },
    why: 'The 49 projects worth over $427.4 million between 1993 and 2023.',
  },
  {
    question: "What did Japan's prime minister say Japan would do if Taiwan were attacked?",
    expected: { docId: shamsuddinov, contains: 'ready to intervene militarily if Taiwan' },
    why: 'Takaichi\'s statement on Taiwan and Beijing\'s reaction.',
  },
  {
    question: 'How many agreements were concluded in total at the Tokyo summit, public and private?',
    expected: { docId: shamsuddinov, contains: 'more than 150 documents' },
    why: 'The overall count of signed documents; the 60 documents elsewhere are Kazakhstan\'s alone.',
  },
  {
    question: 'What did the Uzbek president propose to Japanese investors at the summit?',
    expected: { docId: shamsuddinov, contains: 'Shavkat Mirziyoyev called for expanding' },
    why: 'Mirziyoyev\'s proposals: an investment fund, technoparks, a digital hub.',
  },
  {
    question: 'How large is the US–Japan agreement that covers critical minerals?',
    expected: { docId: shamsuddinov, contains: 'agreement worth $400 billion' },
    why: 'The October agreement between Washington and Tokyo worth $400 billion.',
  },
  {
    question: 'How many of the foreign leaders at Moscow\'s 2023 Victory Day parade were Central Asian?',
    expected: { docId: shamsuddinov, contains: 'five out of seven foreign leaders' },
    why: 'Only this passage counts the leaders at the 2023 parade.',
  },
  {
    question: 'What security aid programme did Tokyo start in 2023?',
    expected: { docId: shamsuddinov, contains: 'Official Security Assistance (OSA)' },
    why: 'Introduces OSA in 2023 and notes Central Asia is not yet covered.',
  },
  {
    question: 'Which sectors did Kazakhstan\'s president suggest for Japanese investment?',
    expected: { docId: shamsuddinov, contains: 'identified nuclear energy, green energy, rare earth metals' },
    why: 'Tokayev\'s list of promising sectors at the summit.',
  },
  {
    question: 'Why does the Kuril Islands dispute still hold back relations between Tokyo and Moscow?',
    expected: { docId: shamsuddinov, contains: 'southern Kuril Islands' },
    why: 'The unresolved territorial dispute prevents a peace treaty (Mahmudov\'s Kyrgyz mediator of the 1990s does not say why it holds relations back).',
  },
  {
    question: "What did Central Asian states promise about Japan's bid for a permanent UN Security Council seat in 2006?",
    expected: { docId: shamsuddinov, contains: 'The Action Plan for the Central Asia + Japan Dialogue, adopted in 2006' },
    why: 'The 2006 Action Plan quotes their unanimous support for Japan\'s bid.',
  },
  // PNN
  {
    question: 'Which Turkmen leader travelled to Japan, and what was on the agenda?',
    expected: { docId: pnn, contains: 'official visit of Turkmen President Berdi muhamedow' },
    why: 'The visit, the trade fair and the energy investment talks.',
  },
  {
    question: 'Why might Tokyo have picked Turkmenistan first among the Central Asian states?',
    expected: { docId: pnn, contains: 'relative isolation in recent years' },
    why: 'Turkmenistan\'s neutrality and isolation leave room for new players.',
  },
  {
    question: 'On what date was the region-wide border settlement signed?',
    expected: { docId: pnn, contains: 'March 31, 2025' },
    why: 'The comprehensive regional agreement of 31 March 2025.',
  },
  {
    question: 'What did Kyrgyz authorities fear Russia could do with a bigger Japanese presence?',
    expected: { docId: pnn, contains: 'Kyrgyz officials also expressed fears' },
    why: 'The Kyrgyz security statement about Moscow exploiting external factors.',
  },
  {
    question: 'How do Central Asian capitals use Japan to balance their other foreign partners?',
    expected: { docId: pnn, contains: 'counterbalance their other foreign' },
    also: [{ docId: shamsuddinov, contains: 'seeking to diversify their foreign relations' }],
    why: 'Governments see Japan as a new option to counterbalance their other partners.',
  },
  // The Times of Central Asia
  {
    question: 'Which Kazakh and Uzbek ministers will Iwaya hold talks with?',
    expected: { docId: tca, contains: 'Murat Nurtleu and Bakhtiyor Saidov' },
    why: 'Names the two counterparts of the Japanese foreign minister.',
  },
  {
    question: 'What stopped Fumio Kishida from travelling to Central Asia in summer 2024?',
    expected: { docId: tca, contains: 'cancelled at the last minute due to the risk of a major earthquake' },
    also: [{ docId: goble, contains: 'threat of an earthquake' }],
    why: 'Names Kishida and the earthquake risk; Goble reports the same cancellation.',
  },
  {
    question: 'How does Timur Dadabaev explain what drives Tokyo in Central Asia?',
    expected: { docId: tca, contains: 'pursuit of trust-building diplomacy' },
    why: 'Dadabaev\'s quote to TCA about trust-building diplomacy.',
  },
  {
    question: 'According to Uyama, which difficult neighbours do Japan and Central Asia share?',
    expected: { docId: tca, contains: 'shares troublesome neighbors, Russia and China' },
    why: 'Uyama\'s quote about shared troublesome neighbours.',
  },
  {
    question: 'Is Japan seen in Central Asia as a rival hegemon?',
    expected: { docId: tca, contains: 'not as a competing hegemon' },
    why: 'The passage states Japan is perceived as a partner, not a competing hegemon.',
  },
  // Appended, so that no earlier question changes half, and written before being run: answerable
  // questions that the confidence rules for concrete kinds, request verbs and other places must not flag.
  {
    question: 'Which airport in Tajikistan did Japanese grants make safer?',
    expected: { docId: goble, contains: 'Dushanbe International Airport' },
    also: [{ docId: pnn, contains: 'improvement of Dushanbe airport' }],
    why: 'Asks for a concrete kind the library does hold ("airport"): the answer must stay confident.',
  },
  {
    question: 'Describe how the Central Asia plus Japan Dialogue was formed',
    expected: { docId: goble, contains: 'formed the Central Asia Plus Japan Dialogue' },
    also: [{ docId: pnn, contains: 'then Foreign Minister and current President of Kazakhstan' }],
    why: 'A request rather than a question; the passage gives the date and the founders, and PNN retells it (2004, Tokyo and Tokayev).',
  },
  {
    question: 'Which countries besides Uzbekistan and Kazakhstan wanted cooperation in energy and transport at the summit?',
    expected: { docId: shamsuddinov, contains: 'The leaders of Turkmenistan, Kyrgyzstan, and Tajikistan also expressed interest' },
    why: 'The answer names the other three states, not the two of the question: a passage naming other places than the question\'s can still answer it.',
  },
];

/**
 * Questions in English that only seed 003's Russian footnotes answer (footnote 1 and its copy
 * in the reference list; footnotes 11 and 12 and theirs). No English passage states these facts,
 * so only a cross-language match finds them.
 */
export const russianOnlyQuestions: RankingQuestion[] = [
  {
    question: 'What is the combined gross domestic product of the Central Asian states?',
    expected: { docId: mahmudov, contains: 'валовый продукт достигает 450 млрд долларов' },
    why: 'Footnote 1 gives the region\'s GDP (450 млрд долларов); the English text never does.',
  },
  {
    question: 'What share of the world\'s uranium reserves is in Central Asia?',
    expected: { docId: mahmudov, contains: '20% мировых запасов урана' },
    why: 'Footnote 1 puts 20% of the world\'s uranium reserves (запасов урана) in the region.',
  },
  {
    question: 'How much of the world\'s oil and natural gas does the region hold?',
    expected: { docId: mahmudov, contains: '17,2% – нефти, 7% – природного газа' },
    why: 'Oil (нефти) and natural gas (природного газа) shares are only in footnote 1.',
  },
  {
    question: 'How many people live in the five republics?',
    expected: { docId: mahmudov, contains: 'население – более 80 млн человек' },
    why: 'The population (население, 80 млн) is only given in footnote 1.',
  },
  {
    question: 'What is the total territory of the region in square kilometres?',
    expected: { docId: mahmudov, contains: '3 882 000 кв. км' },
    why: 'The area (территория) is only in footnote 1; the English text has no square kilometres.',
  },
  {
    question: 'Where does Central Asia rank in the world for coal production and electricity generation?',
    expected: { docId: mahmudov, contains: 'По производству угля и выработке электроэнергии' },
    why: 'Coal (угля) and electricity (электроэнергии) ranks, 10th and 19th, are only in footnote 1.',
  },
  {
    question: 'What did the Russian foreign ministry announce on 21 March 2022?',
    expected: { docId: mahmudov, contains: 'МИД России 21 марта 2022 года заявил' },
    why: 'Footnote 11 reports the statement of 21 March 2022; the English text only cites it.',
  },
  {
    question: 'Did Russia end visa-free trips for Japanese citizens to the southern Kuril Islands?',
    expected: { docId: mahmudov, contains: 'прекращает безвизовые поездки' },
    also: [{ docId: mahmudov, contains: 'граждан Японии на южные Курильские острова' }],
    why: 'Visa-free trips (безвизовые поездки) to the Kurils end in footnote 11, split over a page break.',
  },
  {
    question: 'Which joint economic activity did Moscow withdraw from after the Japanese sanctions?',
    expected: { docId: mahmudov, contains: 'совместной хозяйственной деятельности на Южных Курилах' },
    also: [{ docId: mahmudov, contains: '12. После того как Япония приняла' }],
    why: 'The joint economic activity (совместной хозяйственной деятельности) on the Kurils is only in Russian.',
  },
  {
    question: 'What is the name of the Russian ambassador to Japan who gave the interview?',
    expected: { docId: mahmudov, contains: 'Интервью посла России в Японии Николай Ноздрева' },
    also: [{ docId: mahmudov, contains: '13. Интервью посла России' }],
    why: 'Only footnote 12 (and its reference) names the ambassador, Nikolai Nozdrev, in Russian.',
  },
  {
    question: 'Which reference is the Saint Petersburg university bulletin on international relations?',
    expected: { docId: mahmudov, contains: 'Вестник СПбГУ. Международные отношения' },
    why: 'Footnote 7 is the Vestnik of St Petersburg University (СПбГУ), in Russian only.',
  },
];

/**
 * Questions whose words differ from the passage's: "leader" for "Prime Minister", "lend" for
 * "loan", "cargo" for "freight". A synonym or related form must bridge the gap.
 */
export const vocabularyGapQuestions: RankingQuestion[] = [
  {
    question: 'Why are Japanese investors cautious about putting money into the region?',
    expected: { docId: mahmudov, contains: 'the lack of the necessary investment climate' },
    why: 'The passage says "investment climate" and "avoid losses", not "investors" or "cautious".',
  },
  {
    question: 'How much did Tokyo lend Tashkent in 2024?',
    expected: { docId: goble, contains: '39 billion Japanese Yen' },
    also: [{ docId: pnn, contains: 'a loan of several hundred million dollars to Uzbekistan' }],
    why: '"Lend" is "loan" in both passages.',
  },
  {
    question: 'What did the Uzbek leader put forward to attract Japanese business at the summit?',
    expected: { docId: shamsuddinov, contains: 'Shavkat Mirziyoyev called for expanding' },
    why: 'The passage calls him President; "leader" and "business" are not its words.',
  },
  {
    question: 'How much cargo shipping demand is expected worldwide by 2050?',
    expected: { docId: mahmudov, contains: 'will increase threefold' },
    why: 'The passage speaks of "freight transportation", not cargo or shipping.',
  },
  {
    question: 'What worried officials in Bishkek about a larger Japanese role?',
    expected: { docId: pnn, contains: 'Kyrgyz officials also expressed fears' },
    why: '"Worried" is "expressed fears" there.',
  },
  {
    question: 'How much will the mountain ice shrink if temperatures climb?',
    expected: { docId: mahmudov, contains: 'the volume of mountain glaciers in Central Asia may decrease' },
    why: '"Ice" and "shrink" stand for "glaciers" and "decrease".',
  },
  {
    question: 'Which ore deposits of Central Asia could supply Japan?',
    expected: { docId: mahmudov, contains: 'manganese ore reserves' },
    also: [{ docId: shamsuddinov, contains: '38.6% of global manganese ore reserves' }],
    why: 'The passage lists "reserves" of manganese ore, chromium, lead and zinc, not deposits; Shamsuddinov gives the same shares among the reasons the region matters to Japan.',
  },
  {
    question: 'Does Japan help build roads and rail lines in Central Asia?',
    expected: { docId: mahmudov, contains: 'construction and modernization of railways and highways' },
    also: [
      { docId: goble, contains: 'road maintenance and solar energy installation projects' },
      { docId: pnn, contains: 'implementation of road construction projects' },
    ],
    why: '"Build roads and rail lines" is "construction … of railways and highways"; Goble\'s road grants to Tajikistan, which PNN retells as "road construction projects", count too.',
  },
  {
    question: 'How many study grants does the Japanese aid agency give Tajik civil servants each year?',
    expected: { docId: shamsuddinov, contains: 'JICA provides 15 scholarships' },
    why: 'The passage says JICA and "scholarships", not aid agency or study grants.',
  },
  {
    question: 'What did Japan spend on purchases of rare earths from other countries in 2022?',
    expected: { docId: mahmudov, contains: 'Japan imported rare earth metals worth' },
    why: '"Purchases from other countries" is "imported".',
  },
  {
    question: 'Who heads the Japanese government that hosted the first summit with the region?',
    expected: { docId: shamsuddinov, contains: 'During the summit, Prime Minister Takaichi stated' },
    also: [
      { docId: shamsuddinov, contains: 'approximately $20 billion' },
      { docId: shamsuddinov, contains: 'Japan’s new prime minister, Sanae Takaichi' },
    ],
    why: 'The passages name Prime Minister Takaichi (the summit-date passage does not name her); "heads the government" is not their wording.',
  },
];

export interface OffTopicQuestion {
  question: string;
  /** Why the corpus cannot answer it, and which of its words the corpus shares. */
  why: string;
}

/** Questions the corpus cannot answer: the answer must say it is not confident. */
export const offTopicQuestions: OffTopicQuestion[] = [
  ...[
    'What is the recipe for sourdough bread?',
    'Who won the football World Cup in 2022?',
    'How do I reset my router password?',
    'What is the boiling point of water at high altitude?',
    'Which vaccine is recommended for seasonal influenza?',
    'What are the best hiking trails in Patagonia?',
    'How does photosynthesis work in plants?',
    'When was the Eiffel Tower built?',
    'What did Japan say about whaling quotas?',
    'How many goals did Messi score last season?',
    'What is the capital of Australia?',
    'Explain the rules of cricket',
    'What is the price of bitcoin today?',
    'How do I bake chocolate chip cookies?',
    'Who painted the Mona Lisa?',
  ].map((question) => ({ question, why: 'Nothing to do with Japan or Central Asia.' })),
];

/**
 * Off-topic questions that share words with the corpus (Japan, Kazakhstan, summit, president,
 * 2019, loan …) but ask for something no source says.
 */
export const nearMissQuestions: OffTopicQuestion[] = [
  { question: 'How many Japanese tourists visited Kazakhstan in 2019?', why: 'Shares Japanese, Kazakhstan and 2019 (the ODA table); no source mentions tourists.' },
  { question: 'What did the president of Mongolia say at the summit?', why: 'Shares president and summit; Mongolia occurs nowhere.' },
  { question: 'How many Japanese restaurants are there in Tashkent?', why: 'Shares Japanese and Tashkent; no source mentions restaurants.' },
  { question: 'What was the score of the Japan versus Uzbekistan football match?', why: 'Shares Japan and Uzbekistan; football and matches are not in the corpus.' },
  { question: 'Which anime series are popular among young people in Kyrgyzstan?', why: 'Shares Kyrgyzstan; anime occurs nowhere.' },
  { question: 'How much does a flight from Tokyo to Almaty cost?', why: 'Shares Tokyo; flights, fares and Almaty are not in the corpus.' },
  { question: 'What is the interest rate on Japanese mortgages in 2024?', why: 'Shares Japanese and 2024; mortgages and interest rates are not discussed.' },
  { question: 'When will the Tokyo Olympics stadium be rebuilt?', why: 'Shares Tokyo; the Olympics and stadiums are not mentioned.' },
  { question: 'How many sushi chefs work in Turkmenistan?', why: 'Shares Turkmenistan; sushi and chefs occur nowhere.' },
  { question: 'What did the Japanese emperor say about Tajikistan during his state visit?', why: 'Shares Japanese, emperor (he met the Turkmen president), Tajikistan and visit; no source reports him saying anything of Tajikistan.' },
  { question: 'Which Japanese car brands sell best in Uzbekistan?', why: 'Shares Japanese and Uzbekistan; cars and brands are not discussed.' },
  { question: 'How did the earthquake in 2011 damage Fukushima?', why: 'Shares earthquake (Kishida\'s cancelled trip); Fukushima is never mentioned.' },
  { question: 'What is the population of Osaka?', why: 'Shares population (a Russian footnote); Osaka occurs nowhere.' },
  { question: 'What loan did the IMF give Pakistan in 2023?', why: 'Shares loan and 2023; the IMF and Pakistan are not in the corpus.' },
  { question: 'Who is the prime minister of Canada and what did he say about Central Asia?', why: 'Shares prime minister and Central Asia; Canada occurs nowhere.' },
  { question: 'How many Kazakh students learn the Japanese language at Nazarbayev University?', why: 'Shares Kazakh, students and Japanese; Nazarbayev University and language courses are not mentioned.' },
  { question: 'What did the Chinese ambassador say about gold mines in Kyrgyzstan in 2019?', why: 'Shares Chinese, ambassador, Kyrgyzstan and 2019; gold and mines occur nowhere.' },
  // Appended after the first 17, so that no earlier question changes half.
  { question: 'How much rice does Japan import from Kazakhstan each year?', why: 'Shares Japan, import (the rare earths Japan imported), Kazakhstan and year; rice occurs nowhere.' },
  { question: 'What was the inflation rate in Tajikistan in 2022?', why: 'Shares Tajikistan and 2022; inflation occurs nowhere.' },
  { question: 'What is the average salary of a teacher in Uzbekistan?', why: 'Shares Uzbekistan; salaries and teachers are never mentioned.' },
  { question: 'How much cotton did Uzbekistan sell to Japan in 2023?', why: 'Shares Uzbekistan, Japan and 2023; cotton occurs nowhere.' },
  { question: 'Which hospitals in Tajikistan were built with Japanese grants?', why: 'Shares Tajikistan and Japanese grants (the grant aid list of roads, solar and the airport); no hospital is among them.' },
  { question: 'How many Korean companies opened offices in Kazakhstan in 2024?', why: 'Shares Korean (the Korean Peninsula, South Korea\'s dialogue), companies, Kazakhstan and 2024; no source counts Korean companies or offices.' },
  { question: 'When does the ski season open in the mountains of Kyrgyzstan?', why: 'Shares mountains (the glaciers) and Kyrgyzstan; skiing and seasons occur nowhere.' },
  { question: 'Which Japanese museums hold art from Turkmenistan?', why: 'Shares Japanese and Turkmenistan (and "Arts" in a reference); museums occur nowhere.' },
  // Appended after the confidence rules of issue 11 were chosen, and written before being run, to try them on questions they were not built on.
  { question: 'How much did Japan lend Kyrgyzstan in 2024?', why: 'Shares Japan, lend (the loan), Kyrgyzstan and 2024; the 2024 yen loan went to Uzbekistan, and no source reports a loan to Kyrgyzstan.' },
  { question: 'Which Japanese banks opened branches in Kazakhstan?', why: 'Shares Japanese, bank (the World Bank, once) and Kazakhstan; no source mentions branches or Japanese banks.' },
  { question: 'Describe the Japanese tea ceremony', why: 'Shares Japanese; tea and ceremonies occur nowhere.' },
  { question: 'What did the Tajik president say about the Olympic Games?', why: 'Shares Tajik and president; the Olympics occur nowhere.' },
  { question: 'How many Japanese students study in Uzbekistan?', why: 'Shares Japanese, students and study (Tajik students at Japanese universities) and Uzbekistan; no source counts Japanese students in Uzbekistan.' },
  { question: 'Which Japanese airlines fly to Tashkent?', why: 'Shares Japanese and Tashkent; airlines and flights occur nowhere.' },
  { question: 'What did the Kazakh president say about Taiwan?', why: 'Shares Kazakh, president and Taiwan (Takaichi\'s remark); no source reports Tokayev speaking of Taiwan.' },
  { question: 'When did Japan open an embassy in Turkmenistan?', why: 'Shares Japan, open and Turkmenistan; embassies occur nowhere.' },
  // Appended later still, written before being run: the first group like those above, the second
  // written to share as many of its words with the library as it could (few occur nowhere), where a
  // passage holding most of them is still no answer.
  { question: 'How many Japanese companies have offices in Almaty?', why: 'Shares Japanese and companies; Almaty and offices occur nowhere.' },
  { question: 'When did Kazakhstan join the World Trade Organization?', why: 'Shares Kazakhstan, join and "world trade" (a transit route); the WTO occurs nowhere.' },
  { question: 'How much did Japan invest in Kyrgyz gold mining in 2021?', why: 'Shares Japan, invest and Kyrgyz; gold, mining and 2021 occur nowhere.' },
  { question: 'Which Japanese university has a campus in Tashkent?', why: 'Shares Japanese, university (Tajik students at Japanese universities) and Tashkent; no campus is mentioned.' },
  { question: 'What did the Turkmen president say about gas exports to Japan in 2019?', why: 'Shares Turkmen, president (his visit to Japan), Japan and 2019 (the ODA table); gas occurs nowhere.' },
  { question: 'How many JICA volunteers work in Kyrgyzstan?', why: 'Shares JICA and Kyrgyzstan; volunteers occur nowhere.' },
  { question: 'Did Japan sign a free trade agreement with Kazakhstan?', why: 'Shares Japan, sign, trade, agreement and Kazakhstan; no source mentions a free trade agreement.' },
  { question: 'Who is the Japanese ambassador to Tajikistan?', why: 'Shares Japanese, ambassador (a former one to Russia) and Tajikistan; no source names one to Tajikistan.' },
  { question: 'How much uranium did Japan buy from Uzbekistan in 2022?', why: 'Shares uranium (урана, the reserves), Japan, Uzbekistan and 2022; no source reports a purchase.' },
  { question: 'What did Putin say about the Central Asia + Japan summit?', why: 'Shares the summit; Putin occurs nowhere.' },
  { question: 'How many direct flights link Tokyo and Astana each week?', why: 'Shares direct, link, Tokyo, Astana and week; flights occur nowhere.' },
  { question: 'What role does South Korea play in Central Asia?', why: 'Shares role, South Korea (a partner of Japan, a poll\'s 3 %) and Central Asia; no source describes its role there.' },
  { question: 'How did the 2008 financial crisis affect Japanese aid to the region?', why: 'Shares Japanese aid and the region; 2008 and the crisis occur nowhere.' },
  { question: 'When will the next Central Asia + Japan summit take place?', why: 'Shares the summit; the sources tell of the first one and the cancelled 2024 one, not of a next.' },
  { question: 'How many students from Kazakhstan study in Japan?', why: 'Shares students (Tajik ones), Kazakhstan and Japan; no source counts Kazakh students.' },
  { question: 'Which Japanese bank financed the Tashkent metro?', why: 'Shares Japanese, bank and Tashkent; the metro occurs nowhere.' },
  { question: 'What did the Kyrgyz president say at the 2015 Tokyo meeting?', why: 'Shares Kyrgyz, president, 2015 (the polls), Tokyo and meeting; no source reports him speaking.' },
  { question: 'How much gas does Turkmenistan sell to China each year?', why: 'Shares Turkmenistan, China and year; gas and sales occur nowhere.' },
  { question: 'When did the Asian Development Bank open an office in Dushanbe?', why: 'Shares Asian, development, bank, office and Dushanbe; the Asian Development Bank occurs nowhere.' },
  { question: 'Which Japanese company builds the railway in Tajikistan?', why: 'Shares Japanese, company, railway (railways and highways) and Tajikistan; no source names a railway builder there.' },
  { question: 'What was the trade volume between Japan and Kazakhstan in 2020?', why: 'Shares trade, volume, Japan, Kazakhstan and 2020 (the ODA table); no source gives their trade.' },
  { question: 'How many Uzbek workers are employed in Japan?', why: 'Shares Uzbek, workers (migrant workers, once) and Japan; no source counts them.' },
  { question: 'Did the European Union join the Central Asia + Japan summit?', why: 'Shares the European Union (a C5+1 partner), join and the summit; no source says it took part.' },
  { question: 'What did the Chinese foreign minister say about the Tokyo Declaration?', why: 'Shares Chinese, foreign minister and the Tokyo Declaration; no source reports a Chinese reaction to it.' },
  { question: 'How much did Japan spend on the Olympic Games in 2021?', why: 'Shares Japan and spend; the Olympics and 2021 occur nowhere.' },
  { question: 'Which Central Asian country left the CSTO?', why: 'Shares Central Asian, country and the CSTO; no source says any left it.' },
  { question: 'What did Abe say about uranium prices in 2015?', why: 'Shares Abe (his 2015 tour), uranium (урана) and 2015; prices occur nowhere.' },
  { question: 'When did Japan lift sanctions on Russia?', why: 'Shares Japan, sanctions and Russia; the sources tell of sanctions imposed, never lifted.' },
  { question: 'What share of Japanese oil imports comes from Kazakhstan?', why: 'Shares share, Japanese, imports (rare earths) and Kazakhstan; no source gives oil imports.' },
  { question: 'Who will host the 2027 summit of the Central Asia + Japan Dialogue?', why: 'Shares host, the summit and the Dialogue; 2027 occurs nowhere.' },
  { question: 'What is the average salary of Tajik civil servants?', why: 'Shares Tajik civil servants (JICA\'s scholarships); salaries occur nowhere.' },
  { question: 'How many nuclear power plants does Kazakhstan have?', why: 'Shares nuclear (Tokayev\'s nuclear energy), power and Kazakhstan; no source mentions plants.' },
  { question: 'Which Japanese minister visited Turkmenistan in 2023?', why: 'Shares Japanese, minister, visited, Turkmenistan and 2023; no source reports such a visit.' },
  { question: 'What did the United Nations say about water shortages in 2024?', why: 'Shares the United Nations, water (water management) and 2024; shortages occur nowhere.' },
  { question: 'How long is the Trans-Caspian International Transport Route?', why: 'Shares the route\'s whole name (Takaichi wants it expanded); no source gives its length.' },
  // A third group, written after the name and year checks were chosen and before being run, to try them.
  { question: 'What did the Mongolian foreign minister say about Japanese aid?', why: 'Shares foreign minister and Japanese aid; Mongolia occurs nowhere.' },
  { question: 'How many Kazakh diplomats were trained by JICA in 2018?', why: 'Shares Kazakh, JICA\'s training (of Tajik civil servants) and 2018 (the ODA table); no source counts Kazakh diplomats.' },
  { question: 'Which Japanese firm won the contract for the Dushanbe airport in 2022?', why: 'Shares Japanese, Dushanbe airport (its modernisation) and 2022; no source names a firm or a contract.' },
  { question: 'When did Uzbekistan open an embassy in Tokyo?', why: 'Shares Uzbekistan, open and Tokyo; embassies occur nowhere.' },
  { question: 'How much did China lend Tajikistan in 2024?', why: 'Shares China, lend (the loans), Tajikistan and 2024; no source reports a Chinese loan.' },
  { question: 'What did the Kyrgyz prime minister say about Japanese investors?', why: 'Shares Kyrgyz, prime minister and Japanese investors; no source quotes a Kyrgyz prime minister.' },
  { question: 'How many tourists from Japan visited Uzbekistan in 2023?', why: 'Shares Japan, visited, Uzbekistan and 2023; tourists occur nowhere.' },
  { question: 'Which Russian company mines uranium in Kazakhstan?', why: 'Shares Russian, company, uranium (урана) and Kazakhstan; no source names a miner.' },
  { question: 'What did Takaichi say about North Korea at the summit?', why: 'Shares Takaichi and the summit, and Korea (the Korean Peninsula, in the Tokyo Declaration); no source reports her speaking of North Korea.' },
  { question: 'How many Turkmen students study in Japan?', why: 'Shares Turkmen, students and Japan; no source counts Turkmen students.' },
  { question: 'When did India join the Central Asia + Japan Dialogue?', why: 'Shares India (a C5+1 partner), join and the Dialogue; India never joined it.' },
  { question: 'What did the Afghan government say about Japanese aid?', why: 'Shares Afghan (the Tajik-Afghan border) and Japanese aid; no source quotes an Afghan government.' },
  { question: 'How much rare earth did Japan import from Kazakhstan in 2021?', why: 'Shares rare earths (Japan\'s 2022 imports), Japan, import and Kazakhstan; 2021 occurs nowhere.' },
  { question: 'Which Japanese city hosted the 2024 summit?', why: 'Shares Japanese, hosted and the 2024 summit, which was cancelled: no city hosted it.' },
  { question: 'What did the US ambassador say about the Tokyo Declaration?', why: 'Shares US, ambassador and the Tokyo Declaration; no source reports a US reaction to it.' },
  { question: 'How many Japanese soldiers are stationed in Central Asia?', why: 'Shares Japanese and Central Asia; soldiers occur nowhere.' },
  { question: 'What was the GDP of Kyrgyzstan in 2020?', why: 'Shares Kyrgyzstan and 2020 (the ODA table); only the region\'s combined GDP (валовый продукт) is given.' },
  { question: 'Which Uzbek minister visited Osaka?', why: 'Shares Uzbek, minister and visited; Osaka occurs nowhere.' },
  { question: 'How did Iran react to the Central Asia + Japan summit?', why: 'Shares the summit; Iran occurs nowhere.' },
  { question: 'What did Kawaguchi say about Turkmen gas in 2004?', why: 'Shares Kawaguchi, Turkmen and 2004 (the Dialogue\'s start); gas occurs only as газ, in a footnote on the region\'s reserves.' },
  // A fourth group, written on 2026-12-03 after the checks and the 2,000-character merge, and committed before being run.
  // Six that repeated earlier questions (one word for word) were replaced by new ones, also committed before being run.
  { question: 'How many Japanese companies operate in Uzbekistan today?', why: 'Shares Japanese companies (which avoid losses) and Uzbekistan; no source counts them.' },
  { question: 'What did Japan\'s foreign minister say in Ashgabat?', why: 'Shares Japan and foreign minister (Iwaya\'s tour); Ashgabat occurs nowhere.' },
  { question: 'When did Kyrgyzstan join the Eurasian Economic Union?', why: 'Shares Kyrgyzstan and the Eurasian Economic Union (a Moscow project, named once); no source dates a membership.' },
  { question: 'How much did China invest in Kazakhstan in 2023?', why: 'Shares China, invest, Kazakhstan and 2023; no source gives a Chinese investment.' },
  { question: 'Which Kyrgyz river did Japan help dam for hydropower?', why: 'Shares Kyrgyz, Japan and help; rivers, dams and hydropower occur nowhere.' },
  { question: 'What is Japan\'s trade deficit with Uzbekistan?', why: 'Shares Japan, trade and Uzbekistan; deficits occur nowhere.' },
  { question: 'Which Japanese bank financed a gas chemical plant in Turkmenistan?', why: 'Shares Japanese, bank (the World Bank), gas (газ, in a footnote) and Turkmenistan; chemical plants occur nowhere.' },
  { question: 'How many refugees from Afghanistan live in Tajikistan?', why: 'Shares Afghanistan (the 2001 campaign) and Tajikistan (the Tajik-Afghan border); refugees occur nowhere.' },
  { question: 'What did Tajikistan\'s president say about the Rogun dam at the summit?', why: 'Shares Tajikistan, president and the summit; Rogun occurs nowhere.' },
  { question: 'How many Kazakh students received JICA scholarships in 2020?', why: 'Shares Kazakh, students, JICA scholarships (for Tajik officials) and 2020 (the ODA table); no source counts Kazakh scholars.' },
  { question: 'Which Japanese governor visited Bishkek in 2024?', why: 'Shares Japanese, visited, Bishkek and 2024; governors occur nowhere.' },
  { question: 'How much water does Kazakhstan take from the Syr Darya each year?', why: 'Shares water (water management), Kazakhstan and year; the Syr Darya occurs nowhere.' },
  { question: 'What language courses does JICA run in Bishkek?', why: 'Shares language (Russian as the language of diplomacy), courses (training courses), JICA and Bishkek; no source tells of language courses.' },
  { question: 'Who represented Kyrgyzstan when the Dialogue was launched in 2004?', why: 'Shares Kyrgyzstan, the Dialogue and its launch in 2004; of the region\'s ministers, only Kazakhstan\'s (Tokayev) is named.' },
  { question: 'Which Japanese satellite watches the glaciers of Tajikistan?', why: 'Shares Japanese, glaciers (shrinking with warming) and Tajikistan; satellites occur nowhere.' },
  { question: 'How many kilometres of road did Japan build in Kyrgyzstan?', why: 'Shares road (road maintenance equipment), Japan, build and Kyrgyzstan; no source gives a length.' },
  { question: 'What did the Russian foreign ministry say about the Tokyo summit in December?', why: 'Shares Russian, foreign ministry (Japan\'s; Russia\'s is МИД России, in a footnote on 2022), Tokyo, the summit and December; no source reports a Russian reaction to the summit.' },
  { question: 'How many Japanese tanks did Kazakhstan\'s army buy?', why: 'Shares Japanese and Kazakhstan; tanks, armies and buying occur nowhere.' },
  { question: 'How much money did the Asian Development Bank lend Uzbekistan in 2024?', why: 'Shares Asian, development, bank (the World Bank), lend (the loans), Uzbekistan and 2024 (Japan\'s yen loan); money occurs nowhere, and no source reports a loan of that bank.' },
  { question: 'What did Kazakhstan\'s president say about Japanese cars?', why: 'Shares Kazakhstan\'s president (Tokayev at the summit) and Japanese; cars occur nowhere.' },
];

/**
 * Questions in Russian whose answer is only in an English passage: the Russian question words
 * must reach the English words through the dictionary read the other way (or a country's name).
 * Written before they were first run.
 */
export const russianQuestions: RankingQuestion[] = [
  {
    question: 'Какой кредит Япония дала Узбекистану в 2024 году?',
    expected: { docId: goble, contains: '39 billion Japanese Yen' },
    also: [{ docId: pnn, contains: 'a loan of several hundred million dollars to Uzbekistan' }],
    why: 'The 2024 yen loan (кредит) to Uzbekistan is told only in English, by Goble and PNN.',
  },
  {
    question: 'Сколько стипендий JICA ежегодно получают чиновники Таджикистана?',
    expected: { docId: shamsuddinov, contains: 'JICA provides 15 scholarships' },
    why: 'Fifteen scholarships (стипендий) a year for Tajik officials.',
  },
  {
    question: 'Когда Токио провёл первый саммит с пятью странами Центральной Азии?',
    expected: { docId: shamsuddinov, contains: 'On 19–20 December last year' },
    why: 'Dates the first summit (саммит) of the Central Asia + Japan Dialogue.',
  },
  {
    question: 'Насколько может потеплеть климат Центральной Азии к концу века?',
    expected: { docId: mahmudov, contains: 'the increase will be **7 degrees**' },
    why: 'The World Bank projection of 7 degrees by the end of the century (века).',
  },
  {
    question: 'Сколько высокогорных озёр грозят прорывом?',
    expected: { docId: mahmudov, contains: '300 high-mountain lakes' },
    why: 'The 300 high-mountain lakes (озёр) at risk of breaking through.',
  },
  {
    question: 'Какой аэропорт в Таджикистане модернизировали на японские гранты?',
    expected: { docId: goble, contains: 'Dushanbe International Airport' },
    also: [{ docId: pnn, contains: 'improvement of Dushanbe airport' }],
    why: 'The Dushanbe airport (аэропорт) among the grant aid projects.',
  },
  {
    question: 'Почему японские инвесторы осторожны в регионе?',
    expected: { docId: mahmudov, contains: 'the lack of the necessary investment climate' },
    why: 'The missing investment climate and avoiding losses explain the caution of investors (инвесторы).',
  },
  {
    question: 'Какую программу помощи в сфере безопасности Япония начала в 2023 году?',
    expected: { docId: shamsuddinov, contains: 'Official Security Assistance (OSA)' },
    why: 'Official Security Assistance (помощь, безопасность) started in 2023.',
  },
  {
    question: 'Какие отрасли президент Казахстана предложил японским инвесторам?',
    expected: { docId: shamsuddinov, contains: 'identified nuclear energy, green energy, rare earth metals' },
    why: 'Tokayev\'s (президент Казахстана) list of sectors for Japanese investment at the summit.',
  },
  {
    question: 'Когда было подписано соглашение о границах между странами региона?',
    expected: { docId: pnn, contains: 'March 31, 2025' },
    why: 'The comprehensive border agreement (соглашение о границах) of 31 March 2025.',
  },
  {
    question: 'Во сколько раз вырастет мировой спрос на грузовые перевозки к середине века?',
    expected: { docId: mahmudov, contains: 'will increase threefold' },
    why: 'The UN estimate that freight demand (спрос) will triple by 2050.',
  },
  {
    question: 'Какой премьер-министр Японии выдвинул концепцию евразийской дипломатии в 1997 году?',
    expected: { docId: mahmudov, contains: 'put forward in July 1997 by Prime Minister R. Hashimoto' },
    why: 'Hashimoto\'s Eurasian diplomacy (дипломатии) of July 1997.',
  },
];

/** Russian questions that share words with the corpus but ask for something no source says. */
export const russianNearMissQuestions: OffTopicQuestion[] = [
  { question: 'Какой кредит МВФ выдал Киргизии в 2023 году?', why: 'Shares loan (кредит), Kyrgyzstan and 2023; the IMF and a loan to Kyrgyzstan occur nowhere.' },
  { question: 'Сколько японских ресторанов работает в Ташкенте?', why: 'Shares Japanese and Tashkent; restaurants occur nowhere.' },
  { question: 'Какие японские автомобили лучше всего продаются в Казахстане?', why: 'Shares Japanese and Kazakhstan; cars and sales are not discussed.' },
  { question: 'Что сказал президент Монголии о японских инвестициях?', why: 'Shares president, Japanese and investment; Mongolia occurs nowhere.' },
];

/** The half of a list a question belongs to: parameters are chosen on `tuning`, `held-out` is only reported. */
export type SetHalf = 'tuning' | 'held-out';

export function halfOf(position: number): SetHalf {
  return position % 2 === 0 ? 'tuning' : 'held-out';
}

export function inHalf<T>(items: readonly T[], half: SetHalf): T[] {
  return items.filter((_, position) => halfOf(position) === half);
}
