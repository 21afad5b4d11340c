import { createInterface } from 'node:readline';
import type { DatePrecision, PartialDate } from '../corpus/types.js';
import { extractDateMentions } from '../dates/extract.js';
import type { Timex } from '../dates/types.js';
import { printJson } from './output.js';

/** One line of the TempEval-3 scorer's input. */
interface TimexRequest {
  id: string;
  text: string;
  refDate?: string | null;
}

/** The document creation time as a PartialDate: its calendar part only (a time of day does not change dates). */
export function referenceFromDct(refDate: string | null | undefined): PartialDate | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(refDate ?? '');
  if (!match) return null;
  const [iso = '', , month, day] = match;
  const precision: DatePrecision = day ? 'day' : month ? 'month' : 'year';
  return { iso, precision };
}

/** The TIMEX3 annotations of a text, from the same extractor the timeline uses. */
export function timexesOf(text: string, refDate: string | null | undefined): Timex[] {
  return extractDateMentions(text, { referenceDate: referenceFromDct(refDate) }).flatMap((mention) => mention.timexes);
}

/**
 * `briefing timex`: the TempEval-3 scorer's protocol. Reads JSON lines `{"id","text","refDate"}`
 * and writes `{"id","timexes":[{"start","end","value","type"}]}` per line, offsets in UTF-16 code
 * units with the end exclusive. A line that is not valid JSON gets an `error` answer and the rest go on.
 */
export async function runTimex(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    printJson(output, answer(line));
  }
}

function answer(line: string): { id: string | null; timexes: Timex[]; error?: string } {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return { id: null, timexes: [], error: 'not a JSON line: send {"id": "...", "text": "...", "refDate": "YYYY-MM-DD"}' };
  }
  if (!isRequest(request)) return { id: null, timexes: [], error: 'each line needs "id" and "text" strings, e.g. {"id": "doc1", "text": "…", "refDate": "1998-03-05"}' };
  return { id: request.id, timexes: timexesOf(request.text, request.refDate) };
}

function isRequest(value: unknown): value is TimexRequest {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.id === 'string' && typeof record.text === 'string' && (record.refDate === undefined || record.refDate === null || typeof record.refDate === 'string');
}
