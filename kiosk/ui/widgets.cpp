#include "kiosk/ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <string_view>
#include <vector>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/key_focus.hpp"
#include "kiosk/ui/ui_map.hpp"

namespace lpse::ui {
namespace {

int g_buttonHeldFrame = -1;
float g_minTouchPx = 0;  // frame in which a bigButton was held: dragToScroll may steal it

float scale() { return fonts().scale > 0 ? fonts().scale : 1.0f; }
ImFont* orCurrent(ImFont* f) { return f ? f : ImGui::GetFont(); }

UiRect lastItemRect() {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 size = ImGui::GetItemRectSize();
  return {min.x, min.y, size.x, size.y};
}

// Splits on '\n' and word-wraps each line to `wrapWidth` (<= 0: no wrap).
std::vector<std::string_view> layoutLines(ImFont* font, std::string_view text, float wrapWidth) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view para =
        text.substr(start, nl == std::string_view::npos ? text.size() - start : nl - start);
    const char* p = para.data();
    const char* end = para.data() + para.size();
    if (p == end) lines.emplace_back();
    while (p < end) {
      const char* cut = end;
      if (wrapWidth > 0) {
        cut = font->CalcWordWrapPositionA(1.0f, p, end, wrapWidth);
        if (cut == p) cut = p + 1;  // a single glyph wider than the box
      }
      std::string_view line(p, static_cast<std::size_t>(cut - p));
      while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
      lines.push_back(line);
      p = cut;
      while (p < end && *p == ' ') ++p;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

float lineWidth(ImFont* font, std::string_view line) {
  // An empty view may have no data pointer, and ImGui reads a null end as
  // "until the NUL": measure nothing instead.
  if (line.empty()) return 0.0f;
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line.data(), line.data() + line.size()).x;
}

void drawCentered(ImDrawList* dl, ImFont* font, const ImRect& box, std::string_view text, ImU32 col) {
  const auto lines = layoutLines(font, text, box.GetWidth());
  const float lineH = font->FontSize;
  float y = box.GetCenter().y - lineH * static_cast<float>(lines.size()) * 0.5f;
  dl->PushClipRect(box.Min, box.Max, true);
  for (auto line : lines) {
    if (line.empty()) {
      y += lineH;
      continue;
    }
    const float x = box.GetCenter().x - lineWidth(font, line) * 0.5f;
    dl->AddText(font, font->FontSize, ImVec2(IM_FLOOR(x), IM_FLOOR(y)), col, line.data(),
                line.data() + line.size());
    y += lineH;
  }
  dl->PopClipRect();
}

// Keeps a field within maxBytes without splitting a UTF-8 sequence.
int limitLength(ImGuiInputTextCallbackData* data) {
  const auto max = static_cast<int>(reinterpret_cast<std::size_t>(data->UserData));
  if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit && data->BufTextLen > max) {
    int cut = max;
    while (cut > 0 && (static_cast<unsigned char>(data->Buf[cut]) & 0xC0) == 0x80) --cut;
    data->DeleteChars(cut, data->BufTextLen - cut);
  }
  return 0;
}

}  // namespace

void setMinTouchPx(float px) { g_minTouchPx = px; }
float minTouchPx() { return g_minTouchPx > 0 ? g_minTouchPx : kMinTouchPx * scale(); }

bool bigButton(const char* id, const std::string& label, ImVec2 size, ButtonStyle style, bool enabled,
               ImFont* labelFont) {
  ImFont* font = orCurrent(labelFont ? labelFont : fonts().bold);
  const ImGuiStyle& st = ImGui::GetStyle();
  const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str());
  ImVec2 sz = ImGui::CalcItemSize(size, text.x + st.FramePadding.x * 2, text.y + st.FramePadding.y * 2);
  const float minPx = minTouchPx();
  sz.x = std::max(sz.x, minPx);
  sz.y = std::max(sz.y, minPx);

  ImGui::BeginDisabled(!enabled);
  bool pressed = ImGui::InvisibleButton(id, sz);
  ImGui::EndDisabled();
  const bool held = ImGui::IsItemActive();
  if (held) g_buttonHeldFrame = ImGui::GetFrameCount();
  const float slop = kTapSlopPx * scale();
  if (pressed && ImGui::GetIO().MouseDragMaxDistanceSqr[0] > slop * slop) pressed = false;
  const bool keyFocused = enabled && KeyFocus::current().focused() == id;
  if (enabled && KeyFocus::current().claim(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax())) pressed = true;

  ImVec4 fill = colors::kAccent, ink = colors::kOnAccent;
  if (style == ButtonStyle::Primary && held) fill = colors::kAccentPressed;
  if (style == ButtonStyle::Secondary) {
    fill = held ? colors::kPanelPressed : colors::kPanel;
    ink = colors::kText;
  }
  if (style == ButtonStyle::Danger) {
    fill = held ? colors::kDangerPressed : colors::kDanger;
    ink = colors::kText;
  }
  if (!enabled) {
    fill = colors::kDisabled;
    ink = colors::kTextDim;
  }
  const ImRect box(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(box.Min, box.Max, ImGui::GetColorU32(fill), st.FrameRounding);
  if (style == ButtonStyle::Secondary && enabled)
    dl->AddRect(box.Min, box.Max, ImGui::GetColorU32(colors::kAccent), st.FrameRounding, 0, 3.0f * scale());
  ImRect inner = box;
  inner.Expand(ImVec2(-st.FramePadding.x * 0.5f, -st.FramePadding.y * 0.25f));
  drawCentered(dl, font, inner, label, ImGui::GetColorU32(ink));

  UiMap::current().add({.id = id,
                        .kind = UiKind::Button,
                        .text = label,
                        .rect = lastItemRect(),
                        .visible = ImGui::IsItemVisible(),
                        .enabled = enabled,
                        .focused = keyFocused});
  return pressed && enabled;
}

void bigText(const char* id, const std::string& text, const TextStyle& style) {
  ImFont* font = orCurrent(style.font ? style.font : fonts().body);
  float room = ImGui::GetContentRegionAvail().x;
  // A wrap position pushed with PushTextWrapPos narrows it (a column).
  if (const float wrapPos = ImGui::GetCurrentWindow()->DC.TextWrapPos; wrapPos > 0)
    room = std::min(room, wrapPos - ImGui::GetCursorPosX());
  const float avail = std::max(1.0f, room);
  auto lines = layoutLines(font, text, style.wrap && !style.fit ? avail : 0.0f);
  float widest = 0;
  for (auto line : lines) widest = std::max(widest, lineWidth(font, line));
  // fit: shrink rather than wrap, so "A-012" never breaks at the dash.
  const float factor = style.fit && widest > avail ? avail / widest : 1.0f;
  const float size = font->FontSize * factor;

  // Drawn by hand (not ImGui::Text) so alignment, fitting and the recorded
  // rect all come from the same numbers; Dummy() reserves the space.
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float lineH = size;
  const float blockW = style.align == Align::Left ? widest * factor : avail;
  const ImVec2 block(std::max(blockW, 1.0f), lineH * static_cast<float>(lines.size()));
  ImGui::Dummy(block);
  const bool visible = ImGui::IsItemVisible();

  ImRect inked(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 col = ImGui::GetColorU32(style.color);
  float y = origin.y;
  for (auto line : lines) {
    const float w = lineWidth(font, line) * factor;
    float x = origin.x;
    if (style.align == Align::Center) x += std::max(0.0f, (avail - w) * 0.5f);
    if (style.align == Align::Right) x += std::max(0.0f, avail - w);
    x = IM_FLOOR(x);
    if (visible && !line.empty()) dl->AddText(font, size, ImVec2(x, y), col, line.data(), line.data() + line.size());
    inked.Add(ImRect(x, y, x + w, y + lineH));
    y += lineH;
  }
  const UiRect rect{inked.Min.x, inked.Min.y, inked.GetWidth(), inked.GetHeight()};
  UiMap::current().add({.id = id, .kind = UiKind::Text, .text = text, .rect = rect, .visible = visible});
}

bool textField(const char* id, const std::string& label, std::string& value, const FieldOptions& options) {
  ImFont* body = orCurrent(fonts().body);
  const float minPx = minTouchPx();
  ImGui::PushID(id);
  ImGui::BeginGroup();
  if (!label.empty()) {
    // The caption belongs to its box: less space below it than between fields.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(ImGui::GetStyle().ItemSpacing.x, ImGui::GetStyle().ItemInnerSpacing.y));
    ImGui::PushFont(orCurrent(fonts().small));
    ImGui::TextColored(colors::kTextDim, "%s", label.c_str());
    ImGui::PopFont();
    ImGui::PopStyleVar();
  }
  ImGui::PushFont(body);
  // Pad the box to the minimum touch height whatever the font size.
  const float padY = std::max(ImGui::GetStyle().FramePadding.y, (minPx - body->FontSize) * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, padY));
  ImGui::PushStyleColor(ImGuiCol_Border, colors::kTextDim);
  ImGui::SetNextItemWidth(options.width > 0 ? options.width : -FLT_MIN);
  ImGuiInputTextFlags flags = options.flags;
  if (options.password) flags |= ImGuiInputTextFlags_Password;
  ImGuiInputTextCallback callback = nullptr;
  void* userData = nullptr;
  if (options.maxBytes > 0) {
    flags |= ImGuiInputTextFlags_CallbackEdit;
    callback = limitLength;
    userData = reinterpret_cast<void*>(options.maxBytes);
  }
  const bool changed = ImGui::InputTextWithHint("##value", options.hint ? options.hint : "", &value, flags,
                                                callback, userData);
  const UiRect box = lastItemRect();
  const bool focused = ImGui::IsItemActive();
  const bool visible = ImGui::IsItemVisible();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  ImGui::PopFont();
  if (options.error && !options.error->empty()) {
    ImGui::PushFont(orCurrent(fonts().small));
    ImGui::TextColored(colors::kDangerPressed, "%s", options.error->c_str());
    ImGui::PopFont();
  }
  ImGui::EndGroup();
  ImGui::PopID();

  UiMap::current().add({.id = id,
                        .kind = UiKind::Field,
                        .text = options.password ? std::string(value.size(), '*') : value,
                        .rect = box,
                        .visible = visible,
                        .focused = focused,
                        .label = label});
  return changed;
}

bool tileButton(const char* id, const std::string& title, const std::string& subtitle, ImVec2 size,
                ButtonStyle style, bool enabled) {
  const std::string both = subtitle.empty() ? title : title + "\n" + subtitle;
  // Drawn as a bigButton with an empty label, then the two sizes of text.
  const bool pressed = bigButton(id, "", size, style, enabled);
  UiMap::current().setLastText(both);  // the map gets the words
  const ImRect box(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImFont* big = orCurrent(fonts().large);
  ImFont* small = orCurrent(fonts().body);
  ImVec4 ink = style == ButtonStyle::Secondary ? colors::kText : colors::kOnAccent;
  if (!enabled) ink = colors::kTextDim;
  const float pad = ImGui::GetStyle().FramePadding.x;
  const auto titleLines = layoutLines(big, title, box.GetWidth() - 2 * pad);
  const auto subLines = subtitle.empty() ? std::vector<std::string_view>{} : layoutLines(small, subtitle, box.GetWidth() - 2 * pad);
  const float h = big->FontSize * titleLines.size() + (subLines.empty() ? 0 : 12 + small->FontSize * subLines.size());
  float y = box.GetCenter().y - h * 0.5f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(box.Min, box.Max, true);
  for (auto line : titleLines) {
    if (!line.empty())
      dl->AddText(big, big->FontSize, ImVec2(IM_FLOOR(box.GetCenter().x - lineWidth(big, line) * 0.5f), IM_FLOOR(y)),
                ImGui::GetColorU32(ink), line.data(), line.data() + line.size());
    y += big->FontSize;
  }
  y += 12;
  ImVec4 dim = style == ButtonStyle::Secondary ? colors::kTextDim : colors::kOnAccent;
  for (auto line : subLines) {
    if (!line.empty())
      dl->AddText(small, small->FontSize, ImVec2(IM_FLOOR(box.GetCenter().x - lineWidth(small, line) * 0.5f), IM_FLOOR(y)),
                ImGui::GetColorU32(dim), line.data(), line.data() + line.size());
    y += small->FontSize;
  }
  dl->PopClipRect();
  return pressed;
}

bool bigCheck(const char* id, const std::string& label, bool checked, ImVec2 size) {
  ImFont* font = orCurrent(fonts().bold);
  const ImGuiStyle& st = ImGui::GetStyle();
  const float s = scale();
  const float box = 52 * s, gap = 24 * s;
  const float wrapW = std::max(1.0f, (size.x > 0 ? size.x : ImGui::GetContentRegionAvail().x + size.x) -
                                         st.FramePadding.x * 2 - box - gap);
  const auto lines = layoutLines(font, label, wrapW);
  const float textH = font->FontSize * static_cast<float>(lines.size());
  ImVec2 sz = ImGui::CalcItemSize(size, wrapW, textH + st.FramePadding.y * 2);
  sz.y = std::max({sz.y, minTouchPx(), textH + st.FramePadding.y * 2});

  bool pressed = ImGui::InvisibleButton(id, sz);
  const bool held = ImGui::IsItemActive();
  if (held) g_buttonHeldFrame = ImGui::GetFrameCount();
  const float slop = kTapSlopPx * s;
  if (pressed && ImGui::GetIO().MouseDragMaxDistanceSqr[0] > slop * slop) pressed = false;
  const bool keyFocused = KeyFocus::current().focused() == id;
  if (KeyFocus::current().claim(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax())) pressed = true;

  const ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(r.Min, r.Max, ImGui::GetColorU32(held ? colors::kPanelPressed : colors::kPanel), st.FrameRounding);
  dl->AddRect(r.Min, r.Max, ImGui::GetColorU32(checked ? colors::kAccent : colors::kTextDim), st.FrameRounding, 0,
              (checked ? 4.0f : 2.0f) * s);
  const ImVec2 b0(r.Min.x + st.FramePadding.x, r.GetCenter().y - box * 0.5f), b1(b0.x + box, b0.y + box);
  if (checked) {
    dl->AddRectFilled(b0, b1, ImGui::GetColorU32(colors::kAccent), 8 * s);
    // A tick, drawn: no glyph for it in every font.
    const ImVec2 p1(b0.x + box * 0.22f, b0.y + box * 0.52f), p2(b0.x + box * 0.42f, b0.y + box * 0.72f),
        p3(b0.x + box * 0.78f, b0.y + box * 0.28f);
    dl->AddLine(p1, p2, ImGui::GetColorU32(colors::kOnAccent), 7 * s);
    dl->AddLine(p2, p3, ImGui::GetColorU32(colors::kOnAccent), 7 * s);
  } else {
    dl->AddRect(b0, b1, ImGui::GetColorU32(colors::kText), 8 * s, 0, 3 * s);
  }
  float y = r.GetCenter().y - textH * 0.5f;
  const float x = b1.x + gap;
  for (auto line : lines) {
    if (!line.empty())
      dl->AddText(font, font->FontSize, ImVec2(IM_FLOOR(x), IM_FLOOR(y)), ImGui::GetColorU32(colors::kText), line.data(),
                line.data() + line.size());
    y += font->FontSize;
  }
  UiMap::current().add({.id = id,
                        .kind = UiKind::Button,
                        .text = label,
                        .rect = lastItemRect(),
                        .visible = ImGui::IsItemVisible(),
                        .focused = keyFocused,
                        .label = checked ? "checked" : "unchecked"});
  return pressed;
}

void logoMark(const char* id, float size) {
  ImGui::Dummy(ImVec2(size, size));
  const ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float k = size / 100.0f;  // the SVG's 100x100 viewBox
  dl->AddRectFilled(r.Min, r.Max, ImGui::GetColorU32(colors::kAccent), 22 * k);
  // The ticket: a navy band with two half-circle notches cut from its sides.
  const ImVec2 t0(r.Min.x + 12 * k, r.Min.y + 30 * k), t1(r.Max.x - 12 * k, r.Min.y + 70 * k);
  dl->AddRectFilled(t0, t1, ImGui::GetColorU32(colors::kBackground), 6 * k);
  dl->AddCircleFilled(ImVec2(t0.x, (t0.y + t1.y) * 0.5f), 7 * k, ImGui::GetColorU32(colors::kAccent), 24);
  dl->AddCircleFilled(ImVec2(t1.x, (t0.y + t1.y) * 0.5f), 7 * k, ImGui::GetColorU32(colors::kAccent), 24);
  ImFont* font = orCurrent(fonts().bold);
  const float fs = 26 * k;
  const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, "LPSE");
  dl->AddText(font, fs, ImVec2(IM_FLOOR(r.GetCenter().x - ts.x * 0.5f), IM_FLOOR(r.GetCenter().y - ts.y * 0.5f)),
              ImGui::GetColorU32(colors::kText), "LPSE");
  UiMap::current().add({.id = id, .kind = UiKind::Text, .text = "LPSE", .rect = lastItemRect(),
                        .visible = ImGui::IsItemVisible()});
}

void moduleGrid(const char* id, const unsigned char* modules, int n, float side) {
  ImGui::Dummy(ImVec2(side, side));
  const ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(r.Min, r.Max, IM_COL32_WHITE, 8 * scale());
  if (modules && n > 0) {
    const float m = side / static_cast<float>(n + 8);  // 4-module quiet zone each side
    const ImVec2 o(r.Min.x + 4 * m, r.Min.y + 4 * m);
    for (int y = 0; y < n; ++y)
      for (int x = 0; x < n; ++x)
        if (modules[static_cast<std::size_t>(y) * n + x])
          dl->AddRectFilled(ImVec2(o.x + x * m, o.y + y * m), ImVec2(o.x + (x + 1) * m, o.y + (y + 1) * m),
                            IM_COL32_BLACK);
  }
  UiMap::current().add({.id = id, .kind = UiKind::Text, .text = std::to_string(n), .rect = lastItemRect(),
                        .visible = ImGui::IsItemVisible()});
}

float statusPillWidth(const std::string& text) {
  ImFont* font = orCurrent(fonts().small);
  const float s = scale();
  return 20 * s * 2 + 14 * s + 12 * s + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
}

float statusPillHeight() {
  // statusPill's box: one line of the small font or the dot, padded.
  const float s = scale();
  return std::max(orCurrent(fonts().small)->FontSize, 14 * s) + 10 * s * 2;
}

void statusPill(const char* id, const std::string& text, PillState state) {
  ImFont* font = orCurrent(fonts().small);
  const float s = scale();
  const float padX = 20 * s, padY = 10 * s, dot = 14 * s, gap = 12 * s;
  const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
  const ImVec2 size(padX * 2 + dot + gap + textSize.x, std::max(textSize.y, dot) + padY * 2);
  ImGui::Dummy(size);
  const ImRect box(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());

  ImVec4 dotColor = colors::kTextDim;
  if (state == PillState::Online) dotColor = colors::kOk;
  if (state == PillState::Offline) dotColor = colors::kDanger;
  if (state == PillState::Warning) dotColor = colors::kWarn;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 edge =
      ImGui::GetColorU32(state == PillState::Offline ? colors::kDanger : colors::kPanelPressed);
  dl->AddRectFilled(box.Min, box.Max, ImGui::GetColorU32(colors::kPanel), size.y * 0.5f);
  dl->AddRect(box.Min, box.Max, edge, size.y * 0.5f, 0, 2.0f * s);
  const float cy = box.GetCenter().y;
  dl->AddCircleFilled(ImVec2(box.Min.x + padX + dot * 0.5f, cy), dot * 0.5f, ImGui::GetColorU32(dotColor));
  dl->AddText(font, font->FontSize, ImVec2(box.Min.x + padX + dot + gap, cy - textSize.y * 0.5f),
              ImGui::GetColorU32(colors::kText), text.c_str());

  static constexpr const char* kStateNames[] = {"online", "offline", "warning", "neutral"};
  UiMap::current().add({.id = id,
                        .kind = UiKind::Status,
                        .text = text,
                        .rect = lastItemRect(),
                        .visible = ImGui::IsItemVisible(),
                        .label = kStateNames[static_cast<int>(state)]});
}

bool beginScreen(const char* name) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus;
  return ImGui::Begin(name, nullptr, flags);
}

void endScreen() { ImGui::End(); }

void dragToScroll() {
  const ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
  if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, kTapSlopPx * scale())) return;
  // A drag that starts on a text field scrolls too: on a touchscreen there
  // is no selecting text with a finger, and forms are mostly fields.
  ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

}  // namespace lpse::ui
