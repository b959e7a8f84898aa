#include "devices/audio/audio_player.hpp"

#include "devices/audio/pcm_ops.hpp"

namespace lpse::audio {

Rendered renderForDevice(const Utterance& u, ClipSet& clips, const VolumeSchedule& volume, int utcOffsetMinutes,
                         const Timing& timing) {
  Rendered rendered = render(u, clips, timing);
  const int percent = volume.percentAt(VolumeSchedule::minuteNow(utcOffsetMinutes));
  Limiter limiter;
  limiter.process(rendered.pcm.samples, percent / 100.0);
  return rendered;
}

AudioPlayer::AudioPlayer(std::unique_ptr<AudioSink> sink, std::shared_ptr<ClipSet> clips, Options options, Done done,
                         Log log)
    : m_sink(std::move(sink)),
      m_clips(std::move(clips)),
      m_options(std::move(options)),
      m_done(std::move(done)),
      m_log(std::move(log)),
      m_thread([this] { run(); }) {}

AudioPlayer::~AudioPlayer() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) m_thread.join();
  if (m_sink) m_sink->close();
}

std::uint64_t AudioPlayer::submit(Utterance u) {
  std::uint64_t id = 0;
  {
    std::lock_guard lock(m_mutex);
    id = m_nextId++;
    m_queue.push_back({id, std::move(u), std::chrono::steady_clock::now()});
    m_status.queued = m_queue.size();
  }
  m_wake.notify_one();
  return id;
}

PlayerStatus AudioPlayer::status() const {
  std::lock_guard lock(m_mutex);
  return m_status;
}

void AudioPlayer::setDevice(bool ok, const std::string& problem) {
  {
    std::lock_guard lock(m_mutex);
    m_status.deviceOk = ok;
    m_status.problem = problem;
    m_status.description = m_sink ? m_sink->describe() : "(tanpa perangkat suara)";
  }
  // Once per outage, not once per call: a display without speakers would
  // otherwise fill the log all day.
  if (!ok && !m_reportedDown) {
    m_reportedDown = true;
    if (m_log) m_log("suara mati / no sound: " + problem);
  } else if (ok && m_reportedDown) {
    m_reportedDown = false;
    if (m_log) m_log("suara kembali / sound back: " + m_sink->describe());
  }
}

bool AudioPlayer::ensureOpen(bool force) {
  if (!m_sink) {
    setDevice(false, "Perangkat suara tidak dikonfigurasi.");
    return false;
  }
  if (m_sink->isOpen()) return true;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - m_lastOpenTry < m_options.retryEvery) return false;
  m_lastOpenTry = now;
  auto st = m_sink->open();
  setDevice(st.ok(), st.ok() ? std::string() : st.error().id);
  return st.ok();
}

PlayResult AudioPlayer::playJob(const Job& job) {
  PlayResult r;
  r.id = job.id;
  r.submitted = job.submitted;
  Rendered rendered = renderForDevice(job.u, *m_clips, m_options.volume, m_options.utcOffsetMinutes, m_options.timing);
  r.parts = rendered.parts;
  r.samples = rendered.pcm.samples.size();
  // Two tries: a device that dropped out and is back at once (a USB
  // speaker re-enumerating) replays the whole announcement, never a tail.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!ensureOpen(attempt > 0)) break;
    auto played = m_sink->play(rendered.pcm.samples);
    if (played) {
      r.spoken = true;
      r.timing = *played;
      r.error.clear();
      return r;
    }
    r.error = played.error().id;
    m_sink->close();
    setDevice(false, played.error().id);
  }
  if (r.error.empty()) r.error = status().problem;
  return r;
}

void AudioPlayer::run() {
  m_clips->preload();
  ensureOpen(true);
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_wake.wait_for(lock, m_options.retryEvery, [this] { return m_stop || !m_queue.empty(); });
    if (m_stop) return;
    if (m_queue.empty()) {
      // Idle: look for a device that came back, so the "suara mati" mark goes.
      lock.unlock();
      ensureOpen(false);
      lock.lock();
      continue;
    }
    Job job = std::move(m_queue.front());
    m_queue.pop_front();
    m_status.queued = m_queue.size();
    m_status.playing = true;
    lock.unlock();
    PlayResult result = playJob(job);
    lock.lock();
    m_status.playing = false;
    lock.unlock();
    if (m_done) {
      try {
        m_done(result);
      } catch (...) {
        // A throwing callback must not take the player thread down.
      }
    }
    lock.lock();
  }
}

}  // namespace lpse::audio
