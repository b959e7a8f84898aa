#pragma once
// The frame loop shared by the kiosk, the wall display and the desk console:
// one GLFW window, GL 3.3 core, Dear ImGui. The loop sleeps in
// glfwWaitEventsTimeout when nothing moves (the kiosk idles all day) and
// renders only frames that differ from what is on screen; other threads
// call wake() when the state the screen reads has changed.
#include <imgui.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "kiosk/core/error.hpp"
#include "kiosk/ui/window_options.hpp"

struct GLFWwindow;

namespace lpse::ui {

class WindowApp;

// What a screen gets each frame.
struct Frame {
  WindowApp& app;
  ImVec2 size;          // window size in pixels
  double timeSeconds;   // since the loop started
  float deltaSeconds;   // since the previous frame (large after idling)
  std::uint64_t index;  // frames run so far
};

class Screen {
 public:
  virtual ~Screen();
  virtual void draw(Frame& frame) = 0;
  // UI thread, before each frame's fonts are made ready, with the window's
  // size: a screen whose fonts follow the window size asks for its scale
  // here (WindowApp::setUiScale), so the frame it then draws, the first one
  // included, already has them.
  virtual void beforeFrame(ImVec2 /*size*/) {}
  // True while animations or pending work need continuous frames.
  virtual bool animating() const { return false; }
  // For --screenshot: the screen has what it needs to show (e.g. the first
  // data from the server arrived).
  virtual bool settled() const { return true; }
  // After a frame that changed the screen was rendered and swapped: what
  // draw() put in it is now on its way to the monitor (for latency logs).
  virtual void presented() {}
};

class WindowApp {
 public:
  // Fails with an Error (code "no_display", "window_failed", "renderer_failed")
  // whose one-line message says what to do, e.g. run under Xvfb.
  static core::Result<std::unique_ptr<WindowApp>> create(WindowOptions options);
  ~WindowApp();
  WindowApp(const WindowApp&) = delete;
  WindowApp& operator=(const WindowApp&) = delete;

  // Runs until the window closes, requestClose(), SIGINT or SIGTERM.
  // Returns the process exit code: 0, or 1 when a screenshot failed.
  int run(Screen& screen);

  // Any thread: make the loop run frames now.
  void wake();
  // Any thread: leave run() after the current frame.
  void requestClose();

  const WindowOptions& options() const { return m_options; }

  // UI thread: fonts and theme at this scale from the next frame on (the
  // atlas is rebuilt and re-uploaded between frames; one atlas at a time).
  // Asked from Screen::beforeFrame, from the frame about to be drawn on.
  void setUiScale(float scale) { m_pendingScale = scale; }

 private:
  explicit WindowApp(WindowOptions options);
  bool runFrame(Screen& screen, std::uint64_t index, double startTime, bool forceRender);
  void uploadFonts();
  static void markInput(GLFWwindow* window);
  static void onRefresh(GLFWwindow* window);

  WindowOptions m_options;
  GLFWwindow* m_window = nullptr;
  bool m_imguiReady = false;
  std::mutex m_wakeMutex;  // wake() must not race glfwTerminate
  bool m_alive = false;
  std::atomic<bool> m_inputSeen{false};
  std::atomic<bool> m_woken{false};
  std::atomic<bool> m_needsRedraw{true};
  std::atomic<bool> m_closeRequested{false};
  std::uint64_t m_lastHash = 0;
  double m_lastFrameTime = 0;
  bool m_mouseHeld = false;
  float m_pendingScale = 0;
  bool m_fontsUploaded = false;  // the atlas of the current fonts is on the GPU
  unsigned m_fontTexture = 0;    // that atlas, one byte a texel (GL_R8)
};

}  // namespace lpse::ui
