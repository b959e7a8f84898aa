#pragma once
// Decodes camera frames on its own thread. submit() never waits for a
// decode: it only swaps the pending frame (the one not yet started is
// dropped for the newer one), so the camera thread and the UI never stall,
// however slow a frame is to decode. Reads go through a ReadMerger and come
// out as events the UI takes once per frame.
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "devices/camera/capture_worker.hpp"
#include "devices/scanner/qr_decoder.hpp"
#include "devices/scanner/read_merger.hpp"

namespace lpse::scanner {

struct ScanEvent {
  enum class Source { Camera, Wedge };
  std::string text;                // the payload, UTF-8
  Source source = Source::Camera;
  std::uint64_t frameSequence = 0; // the frame it was read from (camera)
  std::array<QrPoint, 4> corners;  // where in that frame (camera), for the preview
  std::chrono::steady_clock::time_point at{};
};

class DecodeWorker {
 public:
  using DecodeFn = std::function<std::vector<QrRead>(const camera::Frame&)>;
  struct Options {
    std::chrono::milliseconds mergeWindow{3000};  // see ReadMerger
  };
  struct Stats {
    std::uint64_t submitted = 0;  // frames handed in
    std::uint64_t decoded = 0;    // frames decoded
    std::uint64_t skipped = 0;    // frames replaced by a newer one before their turn
    std::uint64_t reads = 0;      // codes read (before merging)
    std::uint64_t events = 0;     // events after merging
  };

  DecodeWorker();  // the tuned QrDecoder
  DecodeWorker(DecodeFn decode, Options options);
  ~DecodeWorker();  // stops
  DecodeWorker(const DecodeWorker&) = delete;
  DecodeWorker& operator=(const DecodeWorker&) = delete;

  // Called on the worker thread after events were queued (wake the UI loop).
  // Set before the first submit().
  void setOnEvent(std::function<void()> onEvent);

  void submit(camera::FramePtr frame);  // never waits for a decode
  std::vector<ScanEvent> takeEvents();  // the events since the last call, oldest first
  Stats stats() const;
  // True while no frame waits and none is being decoded.
  bool idle() const;
  void stop();

 private:
  void run();

  DecodeFn m_decode;
  ReadMerger m_merger;  // worker thread only
  std::function<void()> m_onEvent;

  mutable std::mutex m_mutex;
  std::condition_variable m_cv;
  camera::FramePtr m_pending;
  bool m_busy = false;
  bool m_stopping = false;
  std::vector<ScanEvent> m_events;
  Stats m_stats;
  std::thread m_thread;
};

}  // namespace lpse::scanner
