#include "devices/audio/speech_synth.hpp"

#include <espeak-ng/speak_lib.h>

#include <mutex>

#include "devices/audio/pcm_ops.hpp"

namespace lpse::audio {
namespace {

std::mutex g_mutex;
int g_rate = 0;  // espeak's output rate after initialisation; <= 0: failed

int collect(short* wav, int n, espeak_EVENT* events) {
  if (wav && n > 0 && events && events->user_data) {
    auto* out = static_cast<std::vector<std::int16_t>*>(events->user_data);
    out->insert(out->end(), wav, wav + n);
  }
  return 0;  // continue
}

bool initLocked() {
  if (g_rate == 0) {
    // DONT_EXIT: a missing data folder must be an error, not exit().
    g_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (g_rate <= 0) g_rate = -1;
    else espeak_SetSynthCallback(collect);
  }
  return g_rate > 0;
}

core::Error unavailable() {
  return core::makeError("speech_unavailable", "Mesin suara espeak-ng tidak tersedia (paket espeak-ng-data?)",
                         "The espeak-ng speech engine is not available (package espeak-ng-data?)");
}

}  // namespace

core::Status speechAvailable() {
  std::lock_guard lock(g_mutex);
  if (!initLocked()) return unavailable();
  return core::Ok{};
}

core::Result<Pcm> synthesize(const std::string& text, const SpeechOptions& options) {
  std::lock_guard lock(g_mutex);
  if (!initLocked()) return unavailable();
  if (espeak_SetVoiceByName(options.voice.c_str()) != EE_OK)
    return core::makeError("speech_voice", "Suara espeak-ng '" + options.voice + "' tidak ada",
                           "espeak-ng has no voice '" + options.voice + "'");
  espeak_SetParameter(espeakRATE, options.wordsPerMinute, 0);
  std::vector<std::int16_t> samples;
  const espeak_ERROR err = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                        nullptr, &samples);
  if (err != EE_OK || samples.empty())
    return core::makeError("speech_failed", "espeak-ng gagal mengucapkan: " + text, "espeak-ng failed to speak: " + text);
  Pcm pcm{g_rate, std::move(samples)};
  return resample(pcm, kSampleRate);
}

}  // namespace lpse::audio
