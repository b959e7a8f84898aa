// `lpse voice say TICKET COUNTER --out call.wav`: writes exactly the audio
// the wall display plays for that call (same clips, recordings, volume of
// the hour and limiter), so the IT person can listen to it on any PC.
// `lpse voice list`: each clip and where it comes from (recorded by the
// office, generated at build time, missing: synthesized when needed).
#include <cstdio>

#include "devices/audio/audio_player.hpp"
#include "devices/audio/wav.hpp"
#include "kiosk/apps/cli_command.hpp"
#include "kiosk/display_app/display_voice.hpp"

namespace lpse::apps {

namespace {

struct VoiceSayArgs {
  std::string ticket, counter, out = "call.wav", kind = "call";
};

int voiceSay(const CliContext& ctx, const VoiceSayArgs& a) {
  auto cfg = ctx.config();
  if (!cfg) return fail(cfg.error());
  const core::CallKind kind = a.kind == "recall"     ? core::CallKind::Recall
                              : a.kind == "callback" ? core::CallKind::CallBack
                                                     : core::CallKind::Call;
  display::CallVoice voice(cfg->display.voice, [](const std::string& m) { std::fprintf(stderr, "lpse: %s\n", m.c_str()); });
  const auto u = voice.utterance(a.ticket, a.counter, kind);
  const auto r = audio::renderForDevice(u, *voice.clips(), voice.volume(), cfg->office.calendar.utcOffsetMinutes);
  if (auto st = audio::writeWav(a.out, r.pcm); !st) return fail(st.error());
  std::printf("%s\n", core::sentenceOf(u.words).c_str());
  std::printf("%s: %.2f s, %zu samples at %d Hz\n", a.out.c_str(), r.pcm.seconds(), r.pcm.samples.size(), r.pcm.rate);
  return 0;
}

int voiceList(const CliContext& ctx) {
  auto cfg = ctx.config();
  if (!cfg) return fail(cfg.error());
  display::CallVoice voice(cfg->display.voice, [](const std::string& m) { std::fprintf(stderr, "lpse: %s\n", m.c_str()); },
                           /*synthesize=*/false);
  std::printf("clips: %s\nrecordings: %s\n", voice.clipsDir().c_str(), cfg->display.voice.recordingsDir.c_str());
  int missing = 0;
  for (const auto& c : voice.clips()->listAll()) {
    std::printf("%-22s %-11s %5.2f s  %s%s%s\n", c.name.c_str(), std::string(audio::toString(c.source)).c_str(),
                c.seconds, c.path.c_str(), c.problem.empty() ? "" : "  ! ", c.problem.c_str());
    missing += c.source == audio::ClipSource::Missing;
  }
  if (missing) std::printf("%d missing: espeak-ng says them at run time\n", missing);
  return 0;
}

}  // namespace

void registerVoiceCommands(CLI::App& app, CliContext& ctx) {
  auto* voice = app.add_subcommand("voice", "The wall display's voice: hear a call, list the clips");
  voice->require_subcommand(1);
  auto args = std::make_shared<VoiceSayArgs>();
  auto* say = voice->add_subcommand("say", "Write the audio the display plays for a call to a WAV file");
  say->add_option("ticket", args->ticket, "Ticket number, e.g. R-012")->required();
  say->add_option("counter", args->counter, "Counter, e.g. \"Loket 1\"")->required();
  say->add_option("--out", args->out, "WAV file to write")->capture_default_str();
  say->add_option("--kind", args->kind, "call | recall | callback")
      ->check(CLI::IsMember({"call", "recall", "callback"}))
      ->capture_default_str();
  say->callback([&ctx, args] { ctx.exitCode = voiceSay(ctx, *args); });
  auto* list = voice->add_subcommand("list", "Show each clip: recorded, generated or missing");
  list->callback([&ctx] { ctx.exitCode = voiceList(ctx); });
}

}  // namespace lpse::apps
