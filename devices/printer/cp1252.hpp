#pragma once
// Text for a printer set to Windows-1252 (ESC t 16): UTF-8 in, one byte per
// printed character out, and back again for the renderer and the decoder.
#include <cstdint>
#include <string>
#include <string_view>

namespace lpse::printer {

// UTF-8 to CP1252 bytes, never emitting raw UTF-8:
//  - Latin-1 letters and the CP1252 letters/symbols (é, Š, €, ™) keep their code;
//  - curly quotes, dashes, ellipsis, bullets and odd spaces become ASCII, even
//    though CP1252 has some of them: many clone printers fill 0x80-0x9F with
//    something else, and ASCII reads the same everywhere;
//  - accented letters outside CP1252 (ā, ł, ș, ệ) lose the accent; combining
//    marks and zero-width characters are dropped;
//  - '\n' stays, '\t' becomes a space, other control bytes and anything else
//    (including malformed UTF-8) become '?', one per character; full-width
//    Latin (Ｌ) becomes ASCII; variation selectors and emoji skin tones,
//    which only restyle the character before them, are dropped.
std::string foldToCp1252(std::string_view utf8);

// The same, then every byte above 0x7F spelled in plain ASCII (é -> e,
// ß -> ss, € -> EUR, ± -> +/-): for printers whose code pages are
// unknown or lack WPC1252 (Charset::Ascii in printer_model.hpp). Never emits
// a byte above 0x7E other than '\n'.
std::string foldToAscii(std::string_view utf8);

// The Unicode character a CP1252 byte prints as; U+FFFD for the five bytes
// CP1252 leaves undefined and for C0 controls.
char32_t cp1252ToUnicode(std::uint8_t byte);

// CP1252 bytes back to UTF-8 (undefined bytes become U+FFFD).
std::string cp1252ToUtf8(std::string_view cp1252);

void appendUtf8(std::string& out, char32_t codePoint);

}  // namespace lpse::printer
