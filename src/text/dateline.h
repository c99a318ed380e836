// dateline.h: finds the dateline that opens a wire story's paragraph
// ("KHARTOUM (Reuters) - ", "NEW YORK, March 3 (AP) — ", "LONDON — ").
//
// A dateline is place and agency, not part of what anyone said: stages that read a
// sentence's words as content (quotes, events) start after it. Shape: an all-capital
// word first, then only capitalised words, numbers, commas, periods and parenthesised
// text (the agency), closed by a dash; at most 16 tokens. Any lower-case word outside
// parentheses means it is ordinary prose. Cost: a few token comparisons per sentence.
#pragma once

#include <cstdint>

#include "newsledger/document.h"

namespace newsledger {

// The first token after the dateline that opens tokens [begin, end) of `doc`, or
// `begin` when they open with none.
uint32_t DatelineEnd(const Document& doc, uint32_t begin, uint32_t end);

}  // namespace newsledger
