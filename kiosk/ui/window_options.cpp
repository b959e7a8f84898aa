#include "kiosk/ui/window_options.hpp"

#include <charconv>
#include <cstdlib>

namespace lpse::ui {
namespace {

std::optional<int> parseInt(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::optional<std::pair<int, int>> parsePair(std::string_view text, std::string_view separators) {
  const auto sep = text.find_first_of(separators);
  if (sep == std::string_view::npos) return std::nullopt;
  auto a = parseInt(text.substr(0, sep));
  auto b = parseInt(text.substr(sep + 1));
  if (!a || !b) return std::nullopt;
  return std::pair{*a, *b};
}

core::Error badOption(const std::string& flag, const std::string& wantId, const std::string& wantEn,
                      const std::string& got) {
  return core::makeError("bad_option", "Opsi " + flag + " " + wantId + ", bukan \"" + got + "\".",
                         "The option " + flag + " " + wantEn + ", not \"" + got + "\".", flag);
}

}  // namespace

std::optional<PixelSize> parseSize(std::string_view text) {
  auto pair = parsePair(text, "xX");
  if (!pair || pair->first <= 0 || pair->second <= 0) return std::nullopt;
  return PixelSize{pair->first, pair->second};
}

std::optional<PixelPos> parsePos(std::string_view text) {
  auto pair = parsePair(text, ",xX");
  if (!pair) return std::nullopt;
  return PixelPos{pair->first, pair->second};
}

std::string_view windowArgsHelp() {
  return "  --size WxH          window size in pixels (default 1280x720)\n"
         "  --pos X,Y           window position on screen\n"
         "  --fullscreen        cover the primary monitor\n"
         "  --undecorated       no title bar or border\n"
         "  --hide-cursor       hide the mouse pointer (touchscreens)\n"
         "  --ui-scale F        scale fonts and sizes (e.g. 1.5)\n"
         "  --screenshot FILE   render until settled, save a PNG, exit\n"
         "  --screenshot-timeout S  give up (exit 1) if not settled after S seconds (10)\n"
         "  --ui-map FILE       keep a JSON map of the widgets on screen (tests)\n";
}

core::Result<WindowOptions> parseWindowArgs(const std::vector<std::string>& args, WindowOptions o,
                                            std::vector<std::string>* rest) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string flag = args[i];
    std::optional<std::string> inlineValue;
    if (auto eq = flag.find('='); flag.rfind("--", 0) == 0 && eq != std::string::npos) {
      inlineValue = flag.substr(eq + 1);
      flag.resize(eq);
    }
    auto value = [&]() -> std::optional<std::string> {
      if (inlineValue) return inlineValue;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    auto missing = [&] {
      return core::makeError("bad_option", "Opsi " + flag + " perlu nilai.",
                             "The option " + flag + " needs a value.", flag);
    };

    if (flag == "--fullscreen")
      o.fullscreen = true;
    else if (flag == "--undecorated")
      o.undecorated = true;
    else if (flag == "--hide-cursor")
      o.hideCursor = true;
    else if (flag == "--size") {
      auto v = value();
      if (!v) return missing();
      auto size = parseSize(*v);
      if (!size)
        return badOption(flag, "perlu LEBARxTINGGI, mis. 1920x1080", "wants WIDTHxHEIGHT, e.g. 1920x1080",
                         *v);
      o.width = size->width;
      o.height = size->height;
    } else if (flag == "--pos") {
      auto v = value();
      if (!v) return missing();
      auto pos = parsePos(*v);
      if (!pos) return badOption(flag, "perlu X,Y, mis. 0,0", "wants X,Y, e.g. 0,0", *v);
      o.posX = pos->x;
      o.posY = pos->y;
    } else if (flag == "--ui-scale") {
      auto v = value();
      if (!v) return missing();
      char* end = nullptr;
      const float scale = std::strtof(v->c_str(), &end);
      if (end == v->c_str() || *end != '\0' || !(scale >= 0.25f && scale <= 8.0f))
        return badOption(flag, "perlu angka antara 0.25 dan 8", "wants a number between 0.25 and 8", *v);
      o.uiScale = scale;
    } else if (flag == "--screenshot-timeout") {
      auto v = value();
      if (!v) return missing();
      char* end = nullptr;
      const double seconds = std::strtod(v->c_str(), &end);
      if (end == v->c_str() || *end != '\0' || !(seconds > 0 && seconds <= 3600))
        return badOption(flag, "perlu jumlah detik (0-3600)", "wants seconds (0-3600)", *v);
      o.screenshotTimeoutSeconds = seconds;
    } else if (flag == "--screenshot") {
      auto v = value();
      if (!v || v->empty()) return missing();
      o.screenshotPath = *v;
    } else if (flag == "--ui-map") {
      auto v = value();
      if (!v || v->empty()) return missing();
      o.uiMapPath = *v;
    } else if (rest) {
      rest->push_back(args[i]);
    }
  }
  return o;
}

core::Result<WindowOptions> parseWindowArgs(int argc, char** argv, WindowOptions defaults,
                                            std::vector<std::string>* rest) {
  return parseWindowArgs(std::vector<std::string>(argv, argv + argc), std::move(defaults), rest);
}

}  // namespace lpse::ui
