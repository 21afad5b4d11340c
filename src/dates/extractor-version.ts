/**
 * The version of the key-event extractor's rules (extract.ts, key-events.ts, sentences, labels and
 * the recognisers). Extracted dates are stored by document version and this number, so bump it with
 * any change that can change what a document's key events are: every document is then extracted again.
 */
export const keyEventExtractorVersion = 2;
