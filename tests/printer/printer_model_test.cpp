#include "devices/printer/printer_model.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace lpse::printer;

TEST(PrinterModels, PresetsAreNamedUniqueAndSane) {
  const auto models = printerModels();
  std::set<std::string> names;
  for (const auto& m : models) {
    EXPECT_TRUE(names.insert(m.name).second) << m.name;
    EXPECT_FALSE(m.description.empty()) << m.name;
    EXPECT_GE(m.layout.qrMaxModule, 1) << m.name;
    EXPECT_LE(m.layout.qrMaxModule, 16) << m.name;
    EXPECT_TRUE(m.layout.charsPerLine == 0 || (m.layout.charsPerLine >= 16 && m.layout.charsPerLine <= 96)) << m.name;
    ASSERT_TRUE(findPrinterModel(m.name)) << m.name;
  }
  for (const char* n : {"epson-tm-t82", "epson-tm-t20", "generic-80mm-clone", "generic-58mm-clone", "generic-58mm-basic"})
    EXPECT_TRUE(names.count(n)) << n;
  EXPECT_FALSE(findPrinterModel("epson"));
  EXPECT_FALSE(findPrinterModel(""));
}

TEST(PrinterModels, DefaultIsTheEpsonReference) {
  const auto m = findPrinterModel(kDefaultPrinterModel);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->layout.codePage, 16);
  EXPECT_EQ(m->layout.charset, Charset::Cp1252);
  EXPECT_EQ(m->layout.qrMode, QrMode::Native);
  EXPECT_EQ(m->layout.cut, CutMode::Partial);
  EXPECT_TRUE(m->status.answersStatus);
  EXPECT_EQ(m->status.paperOutBits, StatusQuirks{}.paperOutBits);
}

TEST(PrinterModels, TheBasicCloneNeedsNothingOptional) {
  const auto m = findPrinterModel("generic-58mm-basic");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->layout.charset, Charset::Ascii);
  EXPECT_EQ(m->layout.qrMode, QrMode::Raster);
  EXPECT_EQ(m->layout.cut, CutMode::None);
  EXPECT_FALSE(m->status.answersStatus);
}

TEST(PrinterModels, ConfigWordsRoundTrip) {
  for (auto c : {Charset::Cp1252, Charset::Ascii}) EXPECT_EQ(parseCharset(toString(c)), c);
  for (auto q : {QrMode::Native, QrMode::Raster}) EXPECT_EQ(parseQrMode(toString(q)), q);
  for (auto k : {CutMode::Partial, CutMode::Full, CutMode::None}) EXPECT_EQ(parseCutMode(toString(k)), k);
  EXPECT_FALSE(parseCharset("utf8"));
  EXPECT_FALSE(parseQrMode(""));
  EXPECT_FALSE(parseCutMode("Partial"));
}
