import { escapeControlCharacters } from '../corpus/control-characters.js';

/**
 * Everything the command line prints goes through here: text from documents never reaches the
 * terminal raw, so an ANSI escape or a carriage return in a file cannot recolour, move or hide
 * what the terminal shows. JSON keeps its meaning, as `\uXXXX` is how JSON writes a character.
 */
export function printText(stream: NodeJS.WritableStream, text: string): void {
  stream.write(escapeControlCharacters(text));
}

export function printJson(stream: NodeJS.WritableStream, value: unknown, indent?: number): void {
  stream.write(`${escapeControlCharacters(JSON.stringify(value, null, indent))}\n`);
}
