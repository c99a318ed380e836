// tokenizer.h: splits a byte range of UTF-8 text into tokens, the way UD English does.
//
// Accepts any valid UTF-8. Produces tokens with exact byte spans, in order, never
// overlapping, covering every non-space byte of the range:
//  - words of letters, digits and marks; word-internal apostrophes ("O’Brien") kept;
//    contractions and possessives split ("would|n’t", "Mexico|’s", "I|’m", "can|not");
//  - hyphens split off as their own tokens, as UD does ("cross|‑|border"); U+2010 and
//    U+2011 are hyphens like '-';
//  - numbers with separators and decimals ("80,000", "3.5", "10:30", "9/11", "1990s");
//  - abbreviations keep their period ("U.S.", "Dr.", "Jan.", "a.m.", initials "J.");
//  - URLs and e-mail addresses as one token;
//  - punctuation: runs of the same mark as one token ("...", "!!", "--"), "…" alone;
//    quotation marks (straight and curly) as their own tokens.
// Cost: one pass, O(bytes); ASCII bytes never reach utf8proc.
#ifndef NEWSLEDGER_TEXT_TOKENIZER_H_
#define NEWSLEDGER_TEXT_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "newsledger/document.h"

namespace newsledger::text {

// Appends the tokens of text[range.start, range.end) to *out.
void Tokenize(std::string_view text, Span range, std::vector<Token>* out);

// True for abbreviations that take a period and never end a sentence by themselves
// ("Dr", "Mr", "Gen", "Jan"): compared without the period, case-sensitively.
bool IsTitleAbbreviation(std::string_view word);

}  // namespace newsledger::text

#endif  // NEWSLEDGER_TEXT_TOKENIZER_H_
