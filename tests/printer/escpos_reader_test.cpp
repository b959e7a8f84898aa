#include "devices/printer/escpos_reader.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

using namespace lpse::printer;
using Bytes = std::vector<std::uint8_t>;

namespace {
std::vector<Command> readAll(const Bytes& b) {
  EscPosReader r(b);
  std::vector<Command> out;
  Command c;
  while (r.next(c)) out.push_back(c);
  return out;
}
}  // namespace

TEST(EscPosReader, SkipsStandardCommandsWhole) {
  // Each skipped command carries bytes that look like text or commands; if a
  // length were wrong, they would leak out as Text.
  const Bytes b{
      0x1B, 'p', 0, 25, 250,                    // drawer pulse
      0x1B, '*', 33, 2, 0, 1, 2, 3, 4, 5, 6,    // 24-dot bit image, 2 columns * 3 bytes
      0x1D, 'k', 4, '1', '2', '3', 0,           // CODE39, NUL-terminated
      0x1D, 'k', 73, 3, 'a', 'b', 'c',          // CODE128, counted
      0x1D, '(', 'L', 3, 0, 'x', 'y', 'z',      // graphics, length-prefixed
      0x1C, 'p', 1, 0,                          // NV bit image
      0x10, 0x04, 4,                            // real-time status request
      0x1B, 'D', 8, 16, 0,                      // tab stops
      'O', 'K'};
  const auto cmds = readAll(b);
  ASSERT_EQ(cmds.size(), 9u);
  for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ(cmds[i].kind, CommandKind::Skipped) << i;
  EXPECT_EQ(cmds[8].kind, CommandKind::Text);
  EXPECT_EQ(std::string(cmds[8].data.begin(), cmds[8].data.end()), "OK");
}

TEST(EscPosReader, QrAndRasterParameters) {
  const Bytes b{0x1D, '(', 'k', 5, 0, 0x31, 0x50, 0x30, 'h', 'i',  // store "hi"
                0x1D, 'v', '0', 1, 1, 0, 2, 0, 0xAA, 0x55};
  const auto cmds = readAll(b);
  ASSERT_EQ(cmds.size(), 2u);
  EXPECT_EQ(cmds[0].kind, CommandKind::Qr);
  EXPECT_EQ(cmds[0].value, 0x50);
  EXPECT_EQ(Bytes(cmds[0].data.begin(), cmds[0].data.end()), (Bytes{0x30, 'h', 'i'}));
  EXPECT_EQ(cmds[1].kind, CommandKind::Raster);
  EXPECT_EQ(cmds[1].value, 1);
  EXPECT_EQ(cmds[1].width, 1);
  EXPECT_EQ(cmds[1].height, 2);
  EXPECT_EQ(cmds[1].data.size(), 2u);
}

TEST(EscPosReader, InvalidSizeAndAlignAreIgnoredLikeThePrinterDoes) {
  const auto cmds = readAll({0x1D, '!', 0x88, 0x1B, 'a', 7, 0x1B, 'a', '2'});
  ASSERT_EQ(cmds.size(), 3u);
  EXPECT_EQ(cmds[0].kind, CommandKind::Skipped);
  EXPECT_EQ(cmds[1].kind, CommandKind::Skipped);
  EXPECT_EQ(cmds[2].kind, CommandKind::Align);
  EXPECT_EQ(cmds[2].value, 2);
}

TEST(EscPosReader, TruncatedCommandEndsTheStream) {
  const auto cmds = readAll({'A', 0x0A, 0x1D, '(', 'k', 0x2F, 0x01, 0x31, 0x50, 0x30, 'x'});
  ASSERT_EQ(cmds.size(), 3u);
  EXPECT_EQ(cmds[2].kind, CommandKind::Truncated);
  EXPECT_EQ(cmds[2].data.size(), 9u);
}

TEST(EscPosReader, GarbageIsConsumedInOrderWithinBounds) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 3000; ++round) {
    Bytes b(rng() % 200);
    for (auto& x : b) x = static_cast<std::uint8_t>(rng() % 4 == 0 ? "\x1B\x1D\x1C\x10(kv0V!"[rng() % 10] : rng());
    EscPosReader r(b);
    Command c;
    std::size_t before = 0;
    while (r.next(c)) {
      // A command's bytes lie between where the previous one ended and
      // where this one ends: nothing read twice, nothing read past the end.
      ASSERT_GT(r.position(), before);
      ASSERT_LE(r.position(), b.size());
      if (!c.data.empty()) {
        EXPECT_GE(c.data.data(), b.data() + before);
        EXPECT_LE(c.data.data() + c.data.size(), b.data() + r.position());
      }
      before = r.position();
    }
    EXPECT_EQ(r.position(), b.size());
  }
}
