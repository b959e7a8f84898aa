#include "kiosk/client/sse_parser.hpp"

#include <gtest/gtest.h>

#include <vector>

using lpse::client::SseMessage;
using lpse::client::SseParser;

namespace {
std::vector<SseMessage> parseInChunks(const std::string& body, std::size_t chunk) {
  std::vector<SseMessage> out;
  SseParser p([&](const SseMessage& m) { out.push_back(m); });
  for (std::size_t i = 0; i < body.size(); i += chunk) p.feed(std::string_view(body).substr(i, chunk));
  return out;
}
}  // namespace

TEST(SseParser, MessagesSurviveAnyChunking) {
  const std::string body =
      ": ping\n\nid: 7\nevent: call\ndata: {\"a\":1}\n\r\nid: 8\r\ndata: line1\r\ndata: line2\r\n\r\n";
  for (std::size_t chunk : {1u, 2u, 3u, 5u, 7u, 64u}) {
    auto msgs = parseInChunks(body, chunk);
    ASSERT_EQ(msgs.size(), 2u) << "chunk " << chunk;
    EXPECT_EQ(msgs[0].id, "7");
    EXPECT_EQ(msgs[0].event, "call");
    EXPECT_EQ(msgs[0].data, "{\"a\":1}");
    EXPECT_EQ(msgs[1].id, "8");
    EXPECT_EQ(msgs[1].event, "");
    EXPECT_EQ(msgs[1].data, "line1\nline2");
  }
}

TEST(SseParser, CommentsAndIncompleteMessagesAreNotDelivered) {
  auto msgs = parseInChunks(": ping\n\n: another\n\nid: 3\ndata: half", 4);
  EXPECT_TRUE(msgs.empty());
}
