#include "devices/printer/printer_status.hpp"

#include <gtest/gtest.h>

#include "devices/printer/usb_printer.hpp"

using namespace lpse::printer;

TEST(DecodeStatus, EpsonBytes) {
  EXPECT_EQ(decodeStatus(0x12, 0x12).state, PrinterState::Ready);
  EXPECT_TRUE(decodeStatus(0x12, 0x12).detail.empty());
  EXPECT_EQ(decodeStatus(0x12 | 0x0C, 0x12).state, PrinterState::PaperNearEnd);
  EXPECT_EQ(decodeStatus(0x12 | 0x0C | 0x60, 0x12 | 0x20).state, PrinterState::PaperOut);
  EXPECT_EQ(decodeStatus(0x12, 0x12 | 0x20).state, PrinterState::PaperOut);  // stopped at paper end
  EXPECT_EQ(decodeStatus(0x12, 0x12 | 0x04).state, PrinterState::CoverOpen);
  EXPECT_EQ(decodeStatus(0x12, 0x12 | 0x40).state, PrinterState::Error);
}

TEST(DecodeStatus, CoverOpenWinsOverPaperOut) {
  EXPECT_EQ(decodeStatus(0x7E, 0x12 | 0x04 | 0x20).state, PrinterState::CoverOpen);
}

TEST(DecodeStatus, NoOrGarbledReplyIsOffline) {
  const PrinterStatus s = decodeStatus(std::nullopt, std::nullopt);
  EXPECT_EQ(s.state, PrinterState::Offline);
  EXPECT_FALSE(s.detail.empty());
  EXPECT_EQ(decodeStatus(0xFF, 0x00).state, PrinterState::Offline);  // fixed bits wrong
  EXPECT_EQ(decodeStatus(0x12, std::nullopt).state, PrinterState::Ready);  // one valid answer is enough
}

TEST(DecodeStatus, QuirksOverrideBitMeanings) {
  StatusQuirks clone;
  clone.paperOutBits = 0x20;  // a clone that sets only one of the two bits
  EXPECT_EQ(decodeStatus(0x12 | 0x20, 0x12, clone).state, PrinterState::PaperOut);
  EXPECT_EQ(decodeStatus(0x12 | 0x20, 0x12).state, PrinterState::Ready);  // Epson needs both
  StatusQuirks silent;
  silent.answersStatus = false;
  EXPECT_EQ(decodeStatus(std::nullopt, std::nullopt, silent).state, PrinterState::Ready);
}

TEST(UsbSelector, ParsesLsusbStyle) {
  const auto s = parseUsbSelector("0416:5011");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->vendorId, 0x0416);
  EXPECT_EQ(s->productId, 0x5011);
  EXPECT_EQ(toString(*s), "0416:5011");
  EXPECT_EQ(parseUsbSelector("04B8:0E15")->productId, 0x0e15);
  EXPECT_FALSE(parseUsbSelector("0416"));
  EXPECT_FALSE(parseUsbSelector("0416:50111"));
  EXPECT_FALSE(parseUsbSelector("04x6:5011"));
  EXPECT_FALSE(parseUsbSelector(":5011"));
  EXPECT_TRUE(UsbSelector{}.any());
}
