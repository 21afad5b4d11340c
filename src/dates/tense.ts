import type { Tense } from './candidate.js';

/**
 * Whether the clause around a date speaks of the past or the future, or gives no sign. The nearest
 * verb or cue before the date decides ("said it will close Friday": "will"; "the decision, announced
 * Wednesday": "announced"); failing that, the first verb after it. A deadline ("by Jan. 14",
 * "through January") gives no tense: the resolver then takes the nearer occurrence, preferring the past.
 */
export function tenseAround(text: string, start: number, end: number): Tense {
  const before = words(clauseBefore(text, start));
  const lastTwo = before.slice(-2).join(' ').toLowerCase();
  if (/(?:^|\s)(?:by|through|until|till)(?: the)?$/.test(lastTwo) || /^(?:extended|postponed|delayed|moved|deferred|set) (?:to|for|until)$/.test(lastTwo)) return 'unknown';
  for (let index = before.length - 1; index >= 0 && index >= before.length - 16; index--) {
    const cue = cueAt(before, index, 'before');
    if (cue) return cue;
  }
  const after = words(clauseAfter(text, end)).slice(0, 10);
  for (let index = 0; index < after.length; index++) {
    const cue = cueAt(after, index, 'after');
    if (cue) return cue;
  }
  return 'unknown';
}

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}'-]+/gu) ?? [];
}

const futureWords = new Set([
  'will', "'ll", 'shall', 'would', 'must', 'should', 'could', 'might', 'going', 'gonna', 'scheduled', 'slated', 'expect', 'expects',
  'expected', 'due', 'intend', 'intends', 'upcoming', 'forthcoming', 'payable', 'effective', 'deadline', 'soon', 'visiting', 'expire', 'expires',
]);

const pastWords = new Set([
  'was', 'were', 'had', 'did', 'said', 'ago', 'yesterday', 'went', 'came', 'took', 'made', 'held', 'met', 'told', 'began', 'gave', 'saw',
  'found', 'left', 'became', 'brought', 'fell', 'rose', 'won', 'lost', 'sent', 'spent', 'paid', 'sold', 'bought', 'built', 'led', 'ran',
  'thought', 'wrote', 'spoke', 'stood', 'struck', 'shot', 'caught', 'chose', 'drew', 'flew', 'grew', 'knew', 'broke', 'since',
]);

/** Words after which a participle is passive or perfect, not a past tense of its own: "will be paid", "has been held". */
const auxiliaries = /^(?:be|been|being|is|are|am|has|have)$/i;
/** Words that follow a verb rather than an adjective: "announced the plan", "killed 257 people", "closed Wednesday". */
const afterVerb = /^(?:the|a|an|to|in|on|at|by|for|from|into|with|that|it|its|his|her|their|them|him|as|and|up|down|out|off|over|about|this|last|\d.*)$/i;
const reportingVerbs = new Set(['said', 'says', 'told', 'announced', 'reported', 'added', 'confirmed', 'stated', 'noted']);
const modalsAfter = new Set(['will', "'ll", 'shall']);
const infinitives = new Set([
  'be', 'have', 'acquire', 'buy', 'sell', 'pay', 'meet', 'visit', 'hold', 'begin', 'start', 'open', 'close', 'sign', 'attend', 'travel', 'go',
  'come', 'return', 'announce', 'release', 'report', 'vote', 'decide', 'leave', 'complete', 'launch', 'make', 'take', 'redeem', 'issue',
  'deliver', 'host', 'resume', 'finish', 'end', 'discuss', 'review', 'consider', 'file', 'present', 'publish', 'submit', 'join', 'merge',
  'become', 'repatriate', 'reach', 'seek', 'build', 'hand', 'receive', 'arrive', 'depart', 'fly', 'speak', 'testify', 'appear',
]);

function cueAt(list: string[], index: number, side: 'before' | 'after'): Tense | null {
  const word = list[index] ?? '';
  const lower = word.toLowerCase();
  const previous = list[index - 1]?.toLowerCase();
  const next = list[index + 1];
  if (side === 'after') {
    // Past verbs after the date date it ("In January, American Medical brought in …"); only "will" points forward from there,
    // and a closing ", the company said" dates the report, not the event.
    if (reportingVerbs.has(lower) && index > 1) return null;
    if (modalsAfter.has(lower)) return 'future';
  } else {
    if (futureWords.has(lower)) return 'future';
    if (lower === 'coming' && previous === 'the') return 'future';
    if (/^plann?(?:ed|ing|s)$/.test(lower) && (next === 'to' || next === 'for')) return 'future';
    if (lower === 'to' && next && infinitives.has(next)) return 'future';
  }
  if (pastWords.has(lower)) return previous && auxiliaries.test(previous) && lower !== 'was' && lower !== 'were' ? null : 'past';
  if (/^[a-z][a-z]+ed$/.test(word) && !(previous && auxiliaries.test(previous)) && (next === undefined || afterVerb.test(next))) return 'past';
  return null;
}

/** A period after an abbreviation ("Jan. 3", "U.S.") does not end a clause; nor does a comma, unless a new clause starts after it. */
const clauseBreak = /(?<!\b[A-Z][a-z]{0,3})[.!?;]\s|\n|["“”]|,\s+(?=(?:where|when|which|who|whom|whose|while|because|although|though|but|whereas)\b)/g;

function clauseBefore(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - 160), start);
  let cut = 0;
  for (const match of window.matchAll(clauseBreak)) cut = match.index + match[0].length;
  return window.slice(cut);
}

function clauseAfter(text: string, end: number): string {
  const window = text.slice(end, end + 100);
  const stop = window.search(/(?<!\b[A-Z][a-z]{0,3})[.!?;]\s|\n/);
  return stop < 0 ? window : window.slice(0, stop);
}
